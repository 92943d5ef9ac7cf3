package certus.estimators.io;

import certus.data.DataFormatException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the small JSON files Certus takes (models, parameters) with errors that name the file and its role. */
final class JsonFiles {
    private JsonFiles() {}

    /** The file's text; {@code role} ("model file", "params file") starts every error message. */
    static String readText(Path file, String role) {
        try {
            return Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(role + " " + file + ": no such file");
        } catch (IOException e) {
            throw new DataFormatException(role + " " + file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}
