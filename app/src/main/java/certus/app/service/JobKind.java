package certus.app.service;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a job does; each kind runs the code path of the CLI command of the same name and returns its JSON. */
public enum JobKind {
    /** {@code certus fit}: heuristic sMTL fit. */
    FIT,
    /** {@code certus certify}: warm-started exact solve with a certificate. */
    CERTIFY,
    /** {@code certus cv}: cross-validated sMTL grid, 1-SE choice, refit; the model JSON plus the CV table. */
    CV,
    /** {@code certus tenmtl fit}: one TenMTL fit. */
    TENMTL,
    /** {@code certus dualenc fit}: one dual-encoder fit. */
    DUALENC;

    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The kind named {@code text}; a 400 listing the kinds otherwise. */
    public static JobKind parse(String text) {
        for (JobKind k : values()) if (k.jsonName().equals(text)) return k;
        throw new BadRequestException(400, "'kind' must be one of " + Arrays.stream(values()).map(k -> "\"" + k.jsonName() + "\"")
                .collect(Collectors.joining(", ")) + ", got \"" + text + "\"");
    }
}
