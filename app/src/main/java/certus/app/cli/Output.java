package certus.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Where a command's result goes: a file written atomically, or stdout. */
final class Output {
    private Output() {}

    static void emit(Path file, String text, PrintWriter out) {
        if (file == null) {
            out.print(text);
            out.flush();
        } else {
            certus.data.AtomicFiles.writeString(file, text);
        }
    }
}
