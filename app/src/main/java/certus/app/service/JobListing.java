package certus.app.service;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;

import java.util.List;
import java.util.Locale;

/**
 * {@code GET /v1/jobs?state=RUNNING&kind=certify&limit=100&after=SEQ}: jobs in submission order, a page at a time.
 * The answer is {@code {"jobs": [...], "next_after": SEQ|null}}; pass {@code next_after} as {@code after} for the next
 * page (keyset paging: stable while jobs are added).
 */
final class JobListing {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private JobListing() {}

    static ObjectNode page(JobService jobs, Context ctx) {
        JobState state = null;
        String s = ctx.queryParam("state");
        if (s != null) {
            try {
                state = JobState.valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(400, "query 'state' must be one of " + List.of(JobState.values()) + ", got '" + s + "'");
            }
        }
        String kind = ctx.queryParam("kind");
        if (kind != null) kind = JobKind.parse(kind).jsonName();
        int limit = (int) number(ctx, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT);
        long after = number(ctx, "after", 0, 0, Long.MAX_VALUE);
        List<JobRecord> page = jobs.list(state, kind, after, limit + 1);
        ObjectNode out = JobRequest.MAPPER.createObjectNode();
        ArrayNode list = out.putArray("jobs");
        for (JobRecord r : page.subList(0, Math.min(limit, page.size()))) list.add(HttpApi.status(r));
        if (page.size() > limit) out.put("next_after", page.get(limit - 1).sequence());
        else out.putNull("next_after");
        return out;
    }

    private static long number(Context ctx, String name, long dflt, long min, long max) {
        String v = ctx.queryParam(name);
        if (v == null) return dflt;
        try {
            long n = Long.parseLong(v.trim());
            if (n < min || n > max) throw new NumberFormatException();
            return n;
        } catch (NumberFormatException e) {
            throw new BadRequestException(400, "query '" + name + "' must be an integer in [" + min + ", " + max + "], got '" + v + "'");
        }
    }
}
