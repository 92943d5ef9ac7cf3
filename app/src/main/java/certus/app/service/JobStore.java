package certus.app.service;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Jobs persisted in an embedded H2 database under the data directory (pure Java, one file, JDBC). Every state change
 * is one committed statement written through to disk ({@code WRITE_DELAY=0}: H2's default flushes commits up to a
 * second later, and the SIGKILL fault test lost the last jobs submitted before the kill), so a submitted job is on
 * disk before its id is returned and a crash loses at most a progress line. Thread-safe: one connection, synchronized methods (the service's writes are small
 * and rare compared with the solves).
 */
public final class JobStore implements AutoCloseable {
    private final Connection db;

    private JobStore(Connection db) {
        this.db = db;
    }

    /** Opens (creating when new) {@code DIR/jobs.mv.db}. */
    public static JobStore open(Path dataDir) {
        try {
            java.nio.file.Files.createDirectories(dataDir);
            Connection c = DriverManager.getConnection("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("jobs") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0", "sa", "");
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS jobs (id VARCHAR(40) PRIMARY KEY, seq BIGINT AUTO_INCREMENT, kind VARCHAR(20) NOT NULL, "
                        + "state VARCHAR(20) NOT NULL, request CLOB NOT NULL, progress CLOB, result CLOB, error CLOB, "
                        + "created BIGINT NOT NULL, updated BIGINT NOT NULL)");
                s.execute("ALTER TABLE jobs ADD COLUMN IF NOT EXISTS checkpoint CLOB"); // stores made before checkpoints existed
            }
            return new JobStore(c);
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("cannot open the job store in " + dataDir + ": " + e.getMessage(), e);
        }
    }

    public synchronized JobRecord insert(String id, String kind, String request) {
        long now = System.currentTimeMillis();
        update("INSERT INTO jobs (id, kind, state, request, created, updated) VALUES (?, ?, ?, ?, ?, ?)", id, kind, JobState.QUEUED.name(), request, now, now);
        return get(id).orElseThrow();
    }

    /** Moves a job to {@code state} unless it is already terminal (a late worker never overwrites a cancellation). */
    public synchronized boolean transition(String id, JobState state) {
        return update("UPDATE jobs SET state = ?, updated = ? WHERE id = ? AND state IN ('QUEUED', 'RUNNING')", state.name(),
                System.currentTimeMillis(), id) == 1;
    }

    public synchronized void progress(String id, String progressJson) {
        update("UPDATE jobs SET progress = ?, updated = ? WHERE id = ?", progressJson, System.currentTimeMillis(), id);
    }

    /** The latest snapshot result of a running job (replaces the previous one). */
    public synchronized void checkpoint(String id, String resultJson) {
        update("UPDATE jobs SET checkpoint = ?, updated = ? WHERE id = ? AND state = 'RUNNING'", resultJson, System.currentTimeMillis(), id);
    }

    /** Ends a job with a result (and an error text for failures); only from a non-terminal state. */
    public synchronized boolean finish(String id, JobState state, String result, String error) {
        return update("UPDATE jobs SET state = ?, result = ?, error = ?, updated = ? WHERE id = ? AND state IN ('QUEUED', 'RUNNING')",
                state.name(), result, error, System.currentTimeMillis(), id) == 1;
    }

    public synchronized Optional<JobRecord> get(String id) {
        List<JobRecord> r = query("SELECT * FROM jobs WHERE id = ?", id);
        return r.isEmpty() ? Optional.empty() : Optional.of(r.get(0));
    }

    public synchronized List<JobRecord> list() {
        return query("SELECT * FROM jobs ORDER BY seq");
    }

    /** Keyset page: jobs with sequence above {@code after}, optionally of one state and kind, in submission order. */
    public synchronized List<JobRecord> list(JobState state, String kind, long after, int limit) {
        StringBuilder sql = new StringBuilder("SELECT * FROM jobs WHERE seq > ?");
        List<Object> args = new ArrayList<>(List.of(after));
        if (state != null) {
            sql.append(" AND state = ?");
            args.add(state.name());
        }
        if (kind != null) {
            sql.append(" AND kind = ?");
            args.add(kind);
        }
        sql.append(" ORDER BY seq LIMIT ?");
        args.add(limit);
        return query(sql.toString(), args.toArray());
    }

    public synchronized int count(JobState state) {
        return query("SELECT * FROM jobs WHERE state = ?", state.name()).size();
    }

    /** What {@link #recover} did with the jobs a stopped server left unfinished. */
    public record Recovery(List<JobRecord> queued, int requeued, int interrupted) {}

    /**
     * After a restart: a job that was RUNNING when the server stopped ends INTERRUPTED with its last checkpoint as its
     * result when it has one (a certify job past its warm start) and {@code rerunAll} is false; otherwise it goes
     * back to QUEUED and restarts from scratch (fits and certificates are deterministic for their seed). Returns every
     * QUEUED job in submission order.
     */
    public synchronized Recovery recover(boolean rerunAll) {
        long now = System.currentTimeMillis();
        int interrupted = rerunAll ? 0 : update("UPDATE jobs SET state = 'INTERRUPTED', result = checkpoint, error = ?, updated = ? "
                + "WHERE state = 'RUNNING' AND checkpoint IS NOT NULL", INTERRUPTED_MESSAGE, now);
        int requeued = update("UPDATE jobs SET state = 'QUEUED', progress = NULL, checkpoint = NULL, updated = ? WHERE state = 'RUNNING'", now);
        return new Recovery(query("SELECT * FROM jobs WHERE state = 'QUEUED' ORDER BY seq"), requeued, interrupted);
    }

    static final String INTERRUPTED_MESSAGE = "the server stopped while this job ran; its result is the last checkpoint (the warm start "
            + "with the bound proven by then, status feasible); resubmit the job to run it again";

    @Override
    public synchronized void close() {
        try {
            db.close();
        } catch (SQLException e) {
            // closing: nothing left to save
        }
    }

    private int update(String sql, Object... args) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(s, args);
            return s.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }

    private List<JobRecord> query(String sql, Object... args) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
            bind(s, args);
            List<JobRecord> out = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new JobRecord(r.getString("id"), r.getLong("seq"), r.getString("kind"), JobState.valueOf(r.getString("state")),
                            r.getString("request"), r.getString("progress"), r.getString("result"), r.getString("error"), r.getString("checkpoint"), r.getLong("created"),
                            r.getLong("updated")));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("job store: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement s, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
    }
}
