package certus.formulations.cert;

import certus.data.MultiTaskData;
import certus.data.TaskData;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * SHA-256 of each task's data, so a certificate can prove which data it is about (exact.md §6). Per task the
 * digest covers, in this order: the label and then every feature name (each as a 4-byte big-endian length and its
 * UTF-8 bytes), then X row by row and finally y, every value as an IEEE-754 double in little-endian byte order.
 * Names are hashed because a certificate that selects "x3" must not verify against data whose columns were
 * renamed or reordered; row order is hashed because the CSV is the user's, and a permutation is a different file.
 *
 * @param sha256 one lowercase hex digest per task, in task order
 */
public record DataFingerprint(List<String> sha256) {
    public DataFingerprint {
        sha256 = List.copyOf(Objects.requireNonNull(sha256, "sha256"));
    }

    public static DataFingerprint of(MultiTaskData data) {
        List<String> out = new ArrayList<>(data.taskCount());
        for (TaskData t : data.tasks()) out.add(task(t, data.featureNames()));
        return new DataFingerprint(out);
    }

    static String task(TaskData t, List<String> featureNames) {
        MessageDigest md = newDigest();
        text(md, t.label());
        for (String f : featureNames) text(md, f);
        int n = t.rows();
        int p = t.features();
        ByteBuffer row = ByteBuffer.allocate(Double.BYTES * Math.max(p, 1)).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            row.clear();
            for (int j = 0; j < p; j++) row.putDouble(t.x().get(i, j));
            md.update(row.array(), 0, Double.BYTES * p);
        }
        ByteBuffer y = ByteBuffer.allocate(Double.BYTES * n).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) y.putDouble(t.y(i));
        md.update(y.array());
        return HexFormat.of().formatHex(md.digest());
    }

    private static void text(MessageDigest md, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        md.update(ByteBuffer.allocate(4).putInt(b.length).array());
        md.update(b);
    }

    private static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
