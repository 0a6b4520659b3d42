package dev.secreview.eval;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** An expectations file read as UTF-8 text; what goes wrong is one line that names the file. */
final class InputFile {

    private InputFile() {
    }

    static String text(Path file) throws EvalInputException {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new EvalInputException(file + ": no such file");
        } catch (AccessDeniedException e) {
            throw new EvalInputException(file + ": cannot be read: permission denied");
        } catch (CharacterCodingException e) {
            throw new EvalInputException(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw new EvalInputException(file + (Files.isDirectory(file) ? ": is a directory" : ": cannot be read"));
        }
    }
}
