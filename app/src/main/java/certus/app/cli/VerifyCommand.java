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

import certus.estimators.io.BnbProofJson;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
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

    @Option(names = "--proof", paramLabel = "FILE", description = "Proof file written by 'certify --proof': re-derive the bound from it.")
    Path proof;

    @Override
    public Integer call() {
        Certificate c = CertificateJson.read(certificate);
        LoadedData loaded = dataOptions.load();
        VerificationReport report = CertificateVerifier.verify(c, loaded.data());
        if (proof != null) report = withProof(report, c, loaded);
        PrintWriter out = spec.commandLine().getOut();
        for (VerificationReport.Check check : report.checks()) {
            out.printf("%s %-18s %s%n", check.passed() ? "PASS" : "FAIL", check.name(), check.message());
        }
        if (report.passed()) {
            out.printf("certificate valid: all %d checks passed (status %s)%n", report.checks().size(), c.status().jsonName());
            String check = c.provenance().boundCheck();
            if (proof == null) out.println(check.startsWith("bnb proof re-checked")
                    ? "note: verify does not re-derive the bound; certify did, before writing it: " + check
                    : "note: the bound is taken from the solver; it is not re-derived ("
                    + (check.isEmpty() ? "no cut list or second solver" : check) + "; pass --proof to re-derive a bnb bound).");
        } else {
            out.printf("certificate INVALID: %d of %d checks failed: %s%n", report.failures().size(), report.checks().size(),
                    String.join(", ", report.failures().stream().map(VerificationReport.Check::name).toList()));
        }
        out.flush();
        return report.passed() ? ExitCodes.OK : ExitCodes.VERIFY_FAILED;
    }

    /** The report plus the proof's checks: that it is about this certificate and data, then the bound re-derived. */
    private VerificationReport withProof(VerificationReport report, Certificate c, LoadedData loaded) {
        BnbProofJson.ProofFile file = BnbProofJson.read(proof);
        List<VerificationReport.Check> checks = new ArrayList<>(report.checks());
        List<String> bad = file.mismatches(c);
        checks.add(new VerificationReport.Check("proof-match", bad.isEmpty(), bad.isEmpty()
                ? "the proof is about this certificate's problem and data" : String.join("; ", bad)));
        if (bad.isEmpty() && report.passed()) checks.add(CertificateVerifier.boundProof(c, loaded.data(), file.proof()));
        return new VerificationReport(checks);
    }
}
