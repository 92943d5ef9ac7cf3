package certus.benchmarks;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** PNG output of XChart charts for the studies and the bench report. */
public final class Charts {
    private Charts() {}

    /** Renders to a temporary file beside the target, then moves it into place (no half-written PNG). */
    public static void savePng(Chart<?, ?> chart, Path target) {
        try {
            Path dir = target.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, target.getFileName().toString(), ".tmp");
            try {
                try (var stream = Files.newOutputStream(tmp)) {
                    BitmapEncoder.saveBitmap(chart, stream, BitmapEncoder.BitmapFormat.PNG);
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }
}
