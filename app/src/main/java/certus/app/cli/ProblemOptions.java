package certus.app.cli;

import certus.estimators.SmtlParams;
import certus.estimators.io.ParamOverrides;
import certus.estimators.io.ParamsFile;
import picocli.CommandLine.Option;

import java.nio.file.Path;

/** The sMTL problem parameters shared by fit and certify: a params file, and flags that override it. */
final class ProblemOptions {
    @Option(names = "--params", paramLabel = "FILE", description = "JSON with s, ridge, bbar, zbar, common_support; flags override it.")
    Path paramsFile;

    @Option(names = "--s", paramLabel = "N", description = "Nonzero coefficients per task (required here or in --params).")
    Integer s;

    @Option(names = "--ridge", paramLabel = "X", description = "Ridge weight lambda_1 (default 0).")
    Double ridge;

    @Option(names = "--bbar", paramLabel = "X", description = "Coefficient-sharing weight lambda_2 (default 0).")
    Double bbar;

    @Option(names = "--zbar", paramLabel = "X", description = "Support-sharing weight lambda_z (default 0).")
    Double zbar;

    @Option(names = "--common-support", negatable = true, description = "One support for all tasks (default: heterogeneous).")
    Boolean commonSupport;

    /** Defaults, then the params file, then the flags (the documented precedence). */
    SmtlParams resolve() {
        ParamOverrides file = paramsFile == null ? ParamOverrides.EMPTY : ParamsFile.read(paramsFile);
        return file.overriddenBy(new ParamOverrides(s, ridge, bbar, zbar, commonSupport)).resolve();
    }

    /** "s=3 ridge=0.01 bbar=0.0 zbar=0.1 [common-support]" for progress lines. */
    static String describe(SmtlParams p) {
        return "s=" + p.s() + " ridge=" + p.ridge() + " bbar=" + p.bbar() + " zbar=" + p.zbar() + (p.commonSupport() ? " common-support" : "");
    }
}
