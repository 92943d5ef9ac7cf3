package certus.app.cli;

import certus.data.LoadedData;
import certus.estimators.io.CertificateJson;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.CertificateVerifier;
import certus.formulations.cert.VerificationReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code certus verify}: re-checks a certificate against the data, independently of the solver that wrote it
 * (see {@link CertificateVerifier}). Prints one line per check; exit 0 when all pass, {@link ExitCodes#VERIFY_FAILED}
 * when any fails, 2 when the certificate or data cannot be read.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Re-check a certificate against the data: fingerprint, feasibility, objective, inner optimality, bound, gap, status.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--certificate", required = true, paramLabel = "FILE", description = "Certificate JSON written by certify.")
    Path certificate;

    @Mixin
    DataOptions dataOptions;

    @Override
    public Integer call() {
        Certificate c = CertificateJson.read(certificate);
        LoadedData loaded = dataOptions.load();
        VerificationReport report = CertificateVerifier.verify(c, loaded.data());
        PrintWriter out = spec.commandLine().getOut();
        for (VerificationReport.Check check : report.checks()) {
            out.printf("%s %-18s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.message());
        }
        if (report.passed()) {
            out.printf("certificate valid: all %d checks passed (status %s)%n", report.checks().size(), c.status().jsonName());
            String check = c.provenance().boundCheck();
            out.println(check.startsWith("bnb proof re-checked")
                    ? "note: verify does not re-derive the bound; certify did, before writing it: " + check
                    : "note: the bound is taken from the solver; it is not re-derived ("
                    + (check.isEmpty() ? "no cut list or second solver" : check) + ").");
        } else {
            out.printf("certificate INVALID: %d of %d checks failed: %s%n", report.failures().size(), report.checks().size(),
                    String.join(", ", report.failures().stream().map(VerificationReport.Check::name).toList()));
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }
}
