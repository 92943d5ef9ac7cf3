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

    public synchronized int count(JobState state) {
        return query("SELECT * FROM jobs WHERE state = ?", state.name()).size();
    }

    /**
     * After a restart: jobs that were RUNNING when the server died go back to QUEUED (their work restarts from
     * scratch; fits and certificates are deterministic for their seed). Returns every QUEUED job in submission order.
     */
    public synchronized List<JobRecord> recover() {
        update("UPDATE jobs SET state = 'QUEUED', progress = NULL, updated = ? WHERE state = 'RUNNING'", System.currentTimeMillis());
        return query("SELECT * FROM jobs WHERE state = 'QUEUED' ORDER BY seq");
    }

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
                            r.getString("request"), r.getString("progress"), r.getString("result"), r.getString("error"), r.getLong("created"),
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
