package certus.estimators.io;

import certus.data.AtomicFiles;
import certus.data.DataFormatException;
import certus.formulations.bnb.BnbProof;
import certus.formulations.bnb.BoundWitness;
import certus.formulations.bnb.FixingChain;
import certus.formulations.bnb.ProofLeaf;
import certus.formulations.bnb.TreeProof;
import certus.formulations.cert.Certificate;
import certus.formulations.cert.DataFingerprint;
import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The proof of a {@code bnb} bound as a file, so {@code certus verify --proof} can re-derive the bound long after
 * certify ran, with nothing but the data, the certificate and this file (gzip-compressed when the name ends in
 * {@code .gz}; proofs run to millions of leaves). Layout:
 *
 * <pre>
 * {"format": "certus-bnb-proof", "version": 1,
 *  "problem": {"s", "ridge", "bbar", "zbar", "common_support", "standardize"},     must equal the certificate's
 *  "fingerprint": {"algorithm": "sha256", "tasks": [hex, ...]},                    must equal the data's
 *  "multipliers": [[...], ...] | null,                                             Lagrangian split only
 *  "shifts": [{"delta": [...], "features": [[...], ...]}, ...],                    diagonal shifts (per task; features per group)
 *  "witnesses": [{"index": [[...]], "weight": [[...]], "mu": [...], "shift": i|-1}, ...],
 *  "trees": [{"tasks": [...], "shared": bool,
 *             "leaves": [{"in": [[...]], "out": [[...]], "w": i|-1}, ...],
 *             "chains": [{"in", "out", "group": [...], "feature": [...], "value": [0|1...], "w": i|-1}, ...]}]}
 * </pre>
 * Witnesses and shifts are written once and referenced by index (sibling leaves share their parent's point). Doubles
 * are written in Jackson's shortest round-trip form, so a proof reads back bit for bit.
 */
public final class BnbProofJson {
    public static final String FORMAT = "certus-bnb-proof";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BnbProofJson() {}

    /** A proof file's content: the proof and what it claims to be about. */
    public record ProofFile(BnbProof proof, DataFingerprint fingerprint, JsonNode problem) {
        /** Where the file is not about {@code c}'s problem and data (empty: it is). */
        public List<String> mismatches(Certificate c) {
            List<String> bad = new ArrayList<>();
            var p = c.problem();
            if (problem.path("s").asInt(-1) != p.s()) bad.add("s " + problem.path("s") + " vs certificate " + p.s());
            compare(bad, "ridge", p.ridge());
            compare(bad, "bbar", p.bbar());
            compare(bad, "zbar", p.zbar());
            if (problem.path("common_support").asBoolean() != p.commonSupport()) bad.add("common_support differs");
            if (!problem.path("standardize").asText().equals(p.standardize().cliName())) {
                bad.add("standardize " + problem.path("standardize").asText() + " vs certificate " + p.standardize().cliName());
            }
            if (!fingerprint.equals(c.fingerprint())) bad.add("data fingerprint differs from the certificate's");
            return bad;
        }

        private void compare(List<String> bad, String name, double certified) {
            double v = problem.path(name).asDouble(Double.NaN);
            if (Double.compare(v, certified) != 0) bad.add(name + " " + v + " vs certificate " + certified);
        }
    }

    /** Writes {@code proof} of {@code certificate}'s bound to {@code target} atomically (gzip when it ends in .gz). */
    public static void write(Path target, BnbProof proof, Certificate certificate) {
        if (!proof.complete()) throw new IllegalArgumentException("the proof was not kept in full: " + proof.incomplete());
        boolean gzip = target.getFileName().toString().endsWith(".gz");
        AtomicFiles.write(target, raw -> {
            OutputStream out = gzip ? new GZIPOutputStream(raw, 1 << 16) : raw;
            try (JsonGenerator g = new JsonFactory().createGenerator(out, JsonEncoding.UTF8)) {
                new Writer(g).proof(proof, certificate);
            }
            if (gzip) ((GZIPOutputStream) out).finish();
        });
    }

    /** Reads a proof file; errors name the file and the part that is wrong. */
    public static ProofFile read(Path file) {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             JsonParser parser = MAPPER.getFactory().createParser(in)) {
            return new Reader(parser).proofFile();
        } catch (NoSuchFileException e) {
            throw new DataFormatException("proof file " + file + ": no such file");
        } catch (IOException e) {
            throw new DataFormatException("proof file " + file + ": not readable JSON (" + e.getMessage() + ")", e);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new DataFormatException("proof file " + file + ": " + e.getMessage(), e);
        }
    }

    /** Streams the proof, numbering witnesses and shifts the first time each is met. */
    private static final class Writer {
        private final JsonGenerator g;
        private final Map<BoundWitness, Integer> witnesses = new IdentityHashMap<>();
        private final Map<ShiftRef, Integer> shifts = new java.util.HashMap<>();
        private final List<BoundWitness> witnessOrder = new ArrayList<>();
        private final List<BoundWitness> shiftOrder = new ArrayList<>();

        Writer(JsonGenerator g) {
            this.g = g;
        }

        void proof(BnbProof proof, Certificate c) throws IOException {
            for (TreeProof t : proof.trees()) {
                for (ProofLeaf l : t.leaves()) number(l.witness());
                for (FixingChain ch : t.chains()) number(ch.witness());
            }
            g.writeStartObject();
            g.writeStringField("format", FORMAT);
            g.writeNumberField("version", VERSION);
            g.writeObjectFieldStart("problem");
            g.writeNumberField("s", c.problem().s());
            g.writeNumberField("ridge", c.problem().ridge());
            g.writeNumberField("bbar", c.problem().bbar());
            g.writeNumberField("zbar", c.problem().zbar());
            g.writeBooleanField("common_support", c.problem().commonSupport());
            g.writeStringField("standardize", c.problem().standardize().cliName());
            g.writeEndObject();
            g.writeObjectFieldStart("fingerprint");
            g.writeStringField("algorithm", "sha256");
            g.writeArrayFieldStart("tasks");
            for (String h : c.fingerprint().sha256()) g.writeString(h);
            g.writeEndArray();
            g.writeEndObject();
            g.writeFieldName("multipliers");
            if (proof.multipliers() == null) g.writeNull();
            else matrix(proof.multipliers());
            g.writeArrayFieldStart("shifts");
            for (BoundWitness w : shiftOrder) {
                g.writeStartObject();
                g.writeFieldName("delta");
                doubles(w.shift());
                g.writeFieldName("features");
                intMatrix(w.shiftFeatures());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("witnesses");
            for (BoundWitness w : witnessOrder) {
                g.writeStartObject();
                g.writeFieldName("index");
                intMatrix(w.index());
                g.writeFieldName("weight");
                matrix(w.weight());
                g.writeFieldName("mu");
                doubles(w.mu());
                g.writeNumberField("shift", w.shifted() ? shifts.get(ShiftRef.of(w)) : -1);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("trees");
            for (TreeProof t : proof.trees()) tree(t);
            g.writeEndArray();
            g.writeEndObject();
        }

        private void number(BoundWitness w) {
            if (w == null || witnesses.containsKey(w)) return;
            witnesses.put(w, witnessOrder.size());
            witnessOrder.add(w);
            if (w.shifted() && !shifts.containsKey(ShiftRef.of(w))) {
                shifts.put(ShiftRef.of(w), shiftOrder.size());
                shiftOrder.add(w);
            }
        }

        private void tree(TreeProof t) throws IOException {
            g.writeStartObject();
            g.writeArrayFieldStart("tasks");
            for (String task : t.tasks()) g.writeString(task);
            g.writeEndArray();
            g.writeBooleanField("shared", t.shared());
            g.writeArrayFieldStart("leaves");
            for (ProofLeaf l : t.leaves()) {
                g.writeStartObject();
                fixings(l.in(), l.out());
                g.writeNumberField("w", l.witness() == null ? -1 : witnesses.get(l.witness()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("chains");
            for (FixingChain c : t.chains()) {
                g.writeStartObject();
                fixings(c.in(), c.out());
                g.writeFieldName("group");
                ints(c.group());
                g.writeFieldName("feature");
                ints(c.feature());
                g.writeArrayFieldStart("value");
                for (boolean v : c.value()) g.writeNumber(v ? 1 : 0);
                g.writeEndArray();
                g.writeNumberField("w", c.witness() == null ? -1 : witnesses.get(c.witness()));
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }

        private void fixings(int[][] in, int[][] out) throws IOException {
            g.writeFieldName("in");
            intMatrix(in);
            g.writeFieldName("out");
            intMatrix(out);
        }

        private void ints(int[] v) throws IOException {
            g.writeArray(v, 0, v.length);
        }

        private void doubles(double[] v) throws IOException {
            g.writeArray(v, 0, v.length);
        }

        private void intMatrix(int[][] m) throws IOException {
            g.writeStartArray();
            for (int[] row : m) ints(row);
            g.writeEndArray();
        }

        private void matrix(double[][] m) throws IOException {
            g.writeStartArray();
            for (double[] row : m) doubles(row);
            g.writeEndArray();
        }
    }

    /** One diagonal shift (its deltas and per-group features), compared by content: many witnesses share one. */
    private record ShiftRef(double[] delta, int[][] features) {
        static ShiftRef of(BoundWitness w) {
            return new ShiftRef(w.shift(), w.shiftFeatures());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ShiftRef r && Arrays.equals(r.delta, delta) && Arrays.deepEquals(r.features, features);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(delta) + Arrays.deepHashCode(features);
        }
    }

    /**
     * Rebuilds the proof from a token stream (a proof runs to millions of leaves: only one piece at a time is held as a
     * JSON tree); every malformed part throws IllegalArgumentException naming its path in the file. Shifts must come
     * before the witnesses that use them and witnesses before the trees, as {@link #write} orders them.
     */
    private static final class Reader {
        private final JsonParser p;
        private String format = "";
        private int version = -1;
        private JsonNode problem = MAPPER.missingNode();
        private final List<String> digests = new ArrayList<>();
        private double[][] multipliers;
        private final List<double[]> shiftDelta = new ArrayList<>();
        private final List<int[][]> shiftFeatures = new ArrayList<>();
        private final List<BoundWitness> witnesses = new ArrayList<>();
        private final List<TreeProof> trees = new ArrayList<>();

        Reader(JsonParser p) {
            this.p = p;
        }

        ProofFile proofFile() throws IOException {
            if (p.nextToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException("not a JSON object");
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "format" -> {
                        format = p.getValueAsString("");
                        if (!FORMAT.equals(format)) throw notOurs();
                    }
                    case "version" -> version = p.getValueAsInt(-1);
                    case "problem" -> problem = node();
                    case "fingerprint" -> {
                        for (JsonNode h : array(node().path("tasks"), "fingerprint.tasks")) digests.add(h.asText());
                    }
                    case "multipliers" -> {
                        JsonNode m = node();
                        multipliers = m.isNull() || m.isMissingNode() ? null : matrix(m, "multipliers");
                    }
                    case "shifts" -> each("shifts", (s, at) -> {
                        shiftDelta.add(doubles(s.path("delta"), at + ".delta"));
                        shiftFeatures.add(intMatrix(s.path("features"), at + ".features"));
                    });
                    case "witnesses" -> each("witnesses", this::addWitness);
                    case "trees" -> {
                        if (p.currentToken() != JsonToken.START_ARRAY) throw new IllegalArgumentException("trees is not an array");
                        int i = 0;
                        while (p.nextToken() != JsonToken.END_ARRAY) trees.add(tree("trees[" + i++ + "]"));
                    }
                    default -> p.skipChildren();
                }
            }
            if (!FORMAT.equals(format) || version != VERSION) throw notOurs();
            return new ProofFile(new BnbProof(trees, "", multipliers), new DataFingerprint(digests), problem);
        }

        /** The value at the current token as a tree (missing for none). */
        private JsonNode node() throws IOException {
            JsonNode n = MAPPER.readTree(p);
            return n == null ? MAPPER.missingNode() : n;
        }

        private IllegalArgumentException notOurs() {
            return new IllegalArgumentException("not a " + FORMAT + " version " + VERSION + " file (format '" + format + "', version " + version + ")");
        }

        /** Calls {@code f} with each element of the array at the current token, read as a small tree. */
        private void each(String at, java.util.function.BiConsumer<JsonNode, String> f) throws IOException {
            if (p.currentToken() != JsonToken.START_ARRAY) throw new IllegalArgumentException(at + " is not an array");
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) f.accept(node(), at + "[" + i++ + "]");
        }

        private void addWitness(JsonNode w, String at) {
            int s = w.path("shift").asInt(-1);
            if (s < -1 || s >= shiftDelta.size()) throw new IllegalArgumentException(at + ".shift " + s + " is not a shift");
            int[][] index = intMatrix(w.path("index"), at + ".index");
            double[][] weight = matrix(w.path("weight"), at + ".weight");
            double[] mu = doubles(w.path("mu"), at + ".mu");
            witnesses.add(s < 0 ? new BoundWitness(index, weight, mu) : new BoundWitness(index, weight, mu, shiftDelta.get(s), shiftFeatures.get(s)));
        }

        private TreeProof tree(String at) throws IOException {
            if (p.currentToken() != JsonToken.START_OBJECT) throw new IllegalArgumentException(at + " is not an object");
            List<String> tasks = new ArrayList<>();
            boolean shared = false;
            List<ProofLeaf> leaves = new ArrayList<>();
            List<FixingChain> chains = new ArrayList<>();
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                p.nextToken();
                switch (name) {
                    case "tasks" -> {
                        for (JsonNode n : array(node(), at + ".tasks")) tasks.add(n.asText());
                    }
                    case "shared" -> shared = p.getValueAsBoolean();
                    case "leaves" -> each(at + ".leaves", (l, where) -> leaves.add(new ProofLeaf(intMatrix(l.path("in"), where + ".in"),
                            intMatrix(l.path("out"), where + ".out"), witness(l, where, witnesses))));
                    case "chains" -> each(at + ".chains", (c, where) -> {
                        int[] values = ints(c.path("value"), where + ".value");
                        boolean[] value = new boolean[values.length];
                        for (int a = 0; a < values.length; a++) value[a] = values[a] == 1;
                        chains.add(new FixingChain(intMatrix(c.path("in"), where + ".in"), intMatrix(c.path("out"), where + ".out"),
                                ints(c.path("group"), where + ".group"), ints(c.path("feature"), where + ".feature"), value, witness(c, where, witnesses)));
                    });
                    default -> p.skipChildren();
                }
            }
            return new TreeProof(tasks, shared, leaves, chains);
        }

        /** The witness a leaf or chain refers to ({@code "w"}), null for -1. */
        private static BoundWitness witness(JsonNode piece, String at, List<BoundWitness> witnesses) {
            int w = piece.path("w").asInt(-1);
            if (w < -1 || w >= witnesses.size()) throw new IllegalArgumentException(at + ".w " + w + " is not a witness");
            return w < 0 ? null : witnesses.get(w);
        }

        private static JsonNode array(JsonNode n, String at) {
            if (!n.isArray()) throw new IllegalArgumentException(at + " is not an array");
            return n;
        }

        private static int[] ints(JsonNode n, String at) {
            array(n, at);
            int[] v = new int[n.size()];
            for (int a = 0; a < v.length; a++) {
                if (!n.get(a).canConvertToInt() || !n.get(a).isIntegralNumber()) throw new IllegalArgumentException(at + "[" + a + "] is not an integer");
                v[a] = n.get(a).intValue();
            }
            return v;
        }

        private static double[] doubles(JsonNode n, String at) {
            array(n, at);
            double[] v = new double[n.size()];
            for (int a = 0; a < v.length; a++) {
                if (!n.get(a).isNumber()) throw new IllegalArgumentException(at + "[" + a + "] is not a number");
                v[a] = n.get(a).doubleValue();
            }
            return v;
        }

        private static int[][] intMatrix(JsonNode n, String at) {
            array(n, at);
            int[][] m = new int[n.size()][];
            for (int a = 0; a < m.length; a++) m[a] = ints(n.get(a), at + "[" + a + "]");
            return m;
        }

        private static double[][] matrix(JsonNode n, String at) {
            array(n, at);
            double[][] m = new double[n.size()][];
            for (int a = 0; a < m.length; a++) m[a] = doubles(n.get(a), at + "[" + a + "]");
            return m;
        }
    }
}
