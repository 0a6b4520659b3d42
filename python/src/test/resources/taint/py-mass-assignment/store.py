"""A stand-in for the application's models."""


class User(object):
    id = None

    def save(self):
        pass


def load_user(user_id):
    user = User()
    user.id = user_id
    return user
