package certus.benchmarks.bench;

import certus.benchmarks.Charts;
import certus.data.AtomicFiles;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * {@code summary.md} and PNG plots from the rows of a run: per method how often a heuristic reached the certified
 * optimum and how far off it was otherwise, how often each exact method certified and in what time, support
 * agreement; the same broken down by every grid axis that varies; plots of suboptimality and time against each varying
 * numeric axis and the certification rate as a function of the time an exact method was given.
 */
public final class BenchReport {
    /** A heuristic "hit" the optimum when its relative excess is at most this (the exact engine's default gap). */
    static final double HIT_TOLERANCE = 1e-4;
    private static final List<String> NUMERIC_AXES = List.of("p", "n", "tasks", "pool", "s", "rho", "snr");

    private BenchReport() {}

    /** Writes OUT/summary.md and OUT/*.png; returns the markdown. */
    public static String write(List<ResultRow> rows, Path out, String title, String command) {
        StringBuilder md = new StringBuilder("# " + title + "\n\n");
        md.append("Command: `").append(command).append("`\n\n");
        Set<String> instances = new LinkedHashSet<>();
        for (ResultRow r : rows) instances.add(r.instance());
        long violations = rows.stream().filter(r -> r.status().equals("bound_violation") || r.status().equals("infeasible")).count();
        md.append(String.format(Locale.ROOT, "%d instances, %d rows. Consistency: %d rows with an objective below a certified bound or an infeasible solution%s.%n%n",
                instances.size(), rows.size(), violations, violations == 0 ? " (none, as required)" : " — INVESTIGATE"));
        md.append("Suboptimality = (objective − best objective any method found) / |best|, on instances some exact method certified optimal; ")
                .append(String.format(Locale.ROOT, "a heuristic \"hits\" the optimum when it is within %.0e. ", HIT_TOLERANCE))
                .append("Proven subopt ≤: (objective − best certified lower bound) / |bound|, an upper bound on the suboptimality that holds ")
                .append("even when no method closed the gap. Jaccard: support overlap with the certified solution; F1: against the true support.\n\n");
        md.append("## All instances\n\n").append(table(rows));
        for (String axis : ResultRow.CELL_COLUMNS) {
            if (axis.equals("rep")) continue;
            Map<String, List<ResultRow>> groups = groupBy(rows, r -> r.cell(axis));
            if (groups.size() < 2) continue;
            md.append("\n## By ").append(axis).append("\n\n");
            for (Map.Entry<String, List<ResultRow>> g : groups.entrySet()) {
                md.append("**").append(axis).append(" = ").append(g.getKey()).append("**\n\n").append(table(g.getValue())).append('\n');
            }
        }
        md.append("\n## Plots\n\n");
        for (String axis : NUMERIC_AXES) {
            if (groupBy(rows, r -> r.cell(axis)).size() < 2) continue;
            String sub = "suboptimality_vs_" + axis + ".png", time = "time_vs_" + axis + ".png";
            Charts.savePng(lineChart(rows, axis, "mean suboptimality (heuristics)", false, r -> r.suboptimality()), out.resolve(sub));
            Charts.savePng(lineChart(rows, axis, "median seconds", true, ResultRow::seconds), out.resolve(time));
            md.append("![").append(sub).append("](").append(sub).append(") ![").append(time).append("](").append(time).append(")\n\n");
        }
        if (rows.stream().anyMatch(ResultRow::isExact)) {
            Charts.savePng(certificationChart(rows), out.resolve("certification_vs_time.png"));
            md.append("![certification rate vs time](certification_vs_time.png)\n\n")
                    .append("Certification rate at time t = share of instances an exact method certified optimal within t seconds of its run "
                            + "(read off one run per instance with the design's time limit; a solve is deterministic, so a shorter limit would "
                            + "have ended the same way up to t).\n");
        }
        AtomicFiles.writeString(out.resolve("summary.md"), md.toString());
        return md.toString();
    }

    /** One markdown table, one line per method in first-seen order. */
    static String table(List<ResultRow> rows) {
        StringBuilder sb = new StringBuilder("| method | instances | certified optimal | hits optimum | mean subopt | max subopt | "
                + "proven subopt ≤ (median) | median s | mean Jaccard to exact | mean F1 to truth |\n");
        sb.append("|---|---|---|---|---|---|---|---|---|---|\n");
        for (Map.Entry<String, List<ResultRow>> e : groupBy(rows, ResultRow::method).entrySet()) {
            List<ResultRow> m = e.getValue();
            boolean exact = m.get(0).isExact();
            long certified = m.stream().filter(r -> r.status().equals("optimal")).count();
            double[] sub = m.stream().mapToDouble(ResultRow::suboptimality).filter(v -> !Double.isNaN(v)).toArray();
            long hits = Arrays.stream(sub).filter(v -> v <= HIT_TOLERANCE).count();
            double[] excess = m.stream().mapToDouble(ResultRow::excessOverBound).filter(v -> !Double.isNaN(v)).toArray();
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %s | %s | %s | %s | %.3g | %s | %s |%n", e.getKey(), m.size(),
                    exact ? certified + "/" + m.size() : "-", sub.length == 0 ? "-" : hits + "/" + sub.length,
                    sub.length == 0 ? "-" : String.format(Locale.ROOT, "%.2e", mean(sub)),
                    sub.length == 0 ? "-" : String.format(Locale.ROOT, "%.2e", Arrays.stream(sub).max().orElse(Double.NaN)),
                    excess.length == 0 ? "-" : String.format(Locale.ROOT, "%.2e", median(excess)),
                    median(m.stream().mapToDouble(ResultRow::seconds).toArray()),
                    fmt(mean(m.stream().mapToDouble(ResultRow::jaccardExact).filter(v -> !Double.isNaN(v)).toArray())),
                    fmt(mean(m.stream().mapToDouble(ResultRow::f1Truth).filter(v -> !Double.isNaN(v)).toArray()))));
        }
        return sb.toString();
    }

    private static XYChart lineChart(List<ResultRow> rows, String axis, String yTitle, boolean median, Function<ResultRow, Double> value) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title(yTitle + " vs " + axis).xAxisTitle(axis).yAxisTitle(yTitle).build();
        for (Map.Entry<String, List<ResultRow>> m : groupBy(rows, ResultRow::method).entrySet()) {
            if (!median && m.getValue().get(0).isExact()) continue; // suboptimality is a heuristic's measure
            TreeMap<Double, List<Double>> byX = new TreeMap<>();
            for (ResultRow r : m.getValue()) {
                double v = value.apply(r);
                if (!Double.isNaN(v)) byX.computeIfAbsent(Double.parseDouble(r.cell(axis)), k -> new ArrayList<>()).add(v);
            }
            if (byX.isEmpty()) continue;
            double[] xs = byX.keySet().stream().mapToDouble(Double::doubleValue).toArray();
            double[] ys = byX.values().stream().mapToDouble(l -> median ? median(toArray(l)) : mean(toArray(l))).toArray();
            chart.addSeries(m.getKey(), xs, ys).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        }
        return chart;
    }

    private static XYChart certificationChart(List<ResultRow> rows) {
        XYChart chart = new XYChartBuilder().width(640).height(420).title("certification rate vs time").xAxisTitle("seconds (log)")
                .yAxisTitle("share certified optimal").build();
        chart.getStyler().setXAxisLogarithmic(true);
        for (Map.Entry<String, List<ResultRow>> m : groupBy(rows, ResultRow::method).entrySet()) {
            if (!m.getValue().get(0).isExact()) continue;
            int total = m.getValue().size();
            double[] times = m.getValue().stream().filter(r -> r.status().equals("optimal")).mapToDouble(r -> Math.max(r.seconds(), 1e-3))
                    .sorted().toArray();
            if (times.length == 0) continue;
            double[] share = new double[times.length];
            for (int i = 0; i < times.length; i++) share[i] = (i + 1.0) / total;
            chart.addSeries(m.getKey(), times, share).setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Step);
        }
        return chart;
    }

    private static Map<String, List<ResultRow>> groupBy(List<ResultRow> rows, Function<ResultRow, String> key) {
        Map<String, List<ResultRow>> out = new LinkedHashMap<>();
        for (ResultRow r : rows) out.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r);
        return out;
    }

    private static double[] toArray(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double mean(double[] v) {
        return v.length == 0 ? Double.NaN : Arrays.stream(v).average().orElse(Double.NaN);
    }

    static double median(double[] v) {
        if (v.length == 0) return Double.NaN;
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    private static String fmt(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.3f", v);
    }
}
