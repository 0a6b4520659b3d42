def send_file(path_or_file, mimetype=None, as_attachment=False):
    return path_or_file


def send_from_directory(directory, path, **kwargs):
    return path
