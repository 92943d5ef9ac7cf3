package certus.app.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the CLI in-process with captured stdout and stderr. */
final class Cli {
    record Result(int exit, String out, String err) {
        @Override
        public String toString() {
            return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    private Cli() {}

    static Result run(String... args) {
        return run(CertusCli.newCommandLine(), args);
    }

    /** With scripted backends and exact engines. */
    static Result run(CliEnvironment env, String... args) {
        return run(CertusCli.newCommandLine(env), args);
    }

    private static Result run(picocli.CommandLine cl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }
}
