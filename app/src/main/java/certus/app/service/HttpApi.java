package certus.app.service;

import certus.solver.Backends;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpResponseException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The versioned JSON API over {@link JobService} (Javalin on Jetty). Errors are JSON {@code {"error": "..."}} with the
 * status of {@link BadRequestException}; bodies over the limit are 413 before they are read; with a token configured,
 * every route except health needs {@code Authorization: Bearer TOKEN} (401 otherwise).
 */
public final class HttpApi {
    /** Where the OpenAPI document is served (the same file is kept in the repo: docs/openapi.json). */
    public static final String OPENAPI_PATH = "/v1/openapi.json";

    private HttpApi() {}

    /**
     * @param token        bearer token required on every route but health, or null for none (loopback only)
     * @param maxBodyBytes largest accepted request body
     */
    public static Javalin create(JobService jobs, String host, int port, String token, long maxBodyBytes) {
        return Javalin.create(config -> {
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = maxBodyBytes;
            config.jetty.multipartConfig.maxTotalRequestSize(maxBodyBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxFileSize(maxBodyBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(Integer.MAX_VALUE, maxBodyBytes), SizeUnit.BYTES);
            config.startup.showJavalinBanner = false;
            config.routes.get("/v1/health", ctx -> json(ctx, 200, JobRequest.MAPPER.createObjectNode().put("status", "ok")));
            config.routes.get(OPENAPI_PATH, guarded(token, ctx -> ctx.contentType("application/json").result(openApi())));
            config.routes.get("/v1/backends", guarded(token, ctx -> json(ctx, 200, backends())));
            config.routes.post("/v1/jobs", guarded(token, ctx -> {
                JobRequest request = ctx.isMultipartFormData() ? Uploads.request(ctx, maxBodyBytes, jobs.maxTimeLimit())
                        : JobRequest.parse(body(ctx, maxBodyBytes), jobs.maxTimeLimit());
                JobRecord r = jobs.submit(request);
                json(ctx, 202, JobRequest.MAPPER.createObjectNode().put("id", r.id()).put("state", r.state().name()));
            }));
            config.routes.get("/v1/jobs", guarded(token, ctx -> json(ctx, 200, JobListing.page(jobs, ctx))));
            config.routes.get("/v1/jobs/{id}", guarded(token, ctx -> json(ctx, 200, status(jobs.get(ctx.pathParam("id"))))));
            config.routes.get("/v1/jobs/{id}/result", guarded(token, ctx -> {
                JobRecord r = jobs.get(ctx.pathParam("id"));
                if (r.result() == null) {
                    throw new BadRequestException(r.state().terminal() ? 404 : 409, r.state().terminal()
                            ? "job " + r.id() + " ended " + r.state().name().toLowerCase(Locale.ROOT) + " without a result" + (r.error() == null ? "" : ": " + r.error())
                            : "job " + r.id() + " is " + r.state().name().toLowerCase(Locale.ROOT) + "; poll /v1/jobs/" + r.id() + " until it ends");
                }
                ctx.status(200).contentType("application/json").result(r.result());
            }));
            config.routes.get("/v1/jobs/{id}/checkpoint", guarded(token, ctx -> {
                JobRecord r = jobs.get(ctx.pathParam("id"));
                if (r.checkpoint() == null) throw new BadRequestException(404, "job " + r.id() + " has no checkpoint (only certify jobs past their warm start have one)");
                ctx.status(200).contentType("application/json").result(r.checkpoint());
            }));
            config.routes.delete("/v1/jobs/{id}", guarded(token, ctx -> json(ctx, 200, status(jobs.cancel(ctx.pathParam("id"))))));
            config.routes.exception(BadRequestException.class, (e, ctx) -> {
                if (e.status() == 429) ctx.header("Retry-After", "5");
                error(ctx, e.status(), e.getMessage());
            });
            config.routes.exception(HttpResponseException.class, (e, ctx) -> error(ctx, e.getStatus(), e.getMessage()));
            config.routes.exception(Exception.class, (e, ctx) -> error(ctx, 500, e.getClass().getSimpleName() + ": " + e.getMessage()));
        });
    }

    private static Handler guarded(String token, Handler h) {
        if (token == null) return h;
        return ctx -> {
            String auth = ctx.header("Authorization");
            if (auth == null || !constantTimeEquals(auth, "Bearer " + token)) {
                ctx.header("WWW-Authenticate", "Bearer");
                throw new BadRequestException(401, "missing or wrong bearer token (Authorization: Bearer ...)");
            }
            h.handle(ctx);
        };
    }

    private static boolean constantTimeEquals(String a, String b) {
        return java.security.MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    /** The body as JSON; 413 when larger than allowed (checked on the header and while reading), 400 when not JSON. */
    private static JsonNode body(Context ctx, long maxBytes) {
        checkDeclaredLength(ctx, maxBytes);
        byte[] bytes;
        try (InputStream in = ctx.req().getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        } catch (IOException e) {
            throw new BadRequestException(400, "cannot read the request body: " + e.getMessage());
        }
        if (bytes.length > maxBytes) throw new BadRequestException(413, "request body exceeds the limit of " + maxBytes + " bytes");
        try {
            JsonNode n = JobRequest.MAPPER.readTree(bytes);
            if (n == null || n.isMissingNode()) throw new BadRequestException(400, "empty body; expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "malformed JSON: " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException e) {
            throw new BadRequestException(400, "cannot read the request body: " + e.getMessage());
        }
    }

    /** 413 from the Content-Length header, before anything is read. */
    static void checkDeclaredLength(Context ctx, long maxBytes) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) throw new BadRequestException(413, "request body of " + declared + " bytes exceeds the limit of " + maxBytes);
    }

    /** Parses JSON text; 400 with the line and column of a syntax error. */
    static JsonNode parseJson(String text, String what) {
        try {
            JsonNode n = JobRequest.MAPPER.readTree(text);
            if (n == null || n.isMissingNode()) throw new BadRequestException(400, "empty " + what + "; expected a JSON object");
            return n;
        } catch (JsonProcessingException e) {
            throw new BadRequestException(400, "malformed JSON in " + what + ": " + e.getOriginalMessage() + " (line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ")");
        }
    }

    static ObjectNode status(JobRecord r) {
        ObjectNode n = JobRequest.MAPPER.createObjectNode();
        n.put("id", r.id());
        n.put("kind", r.kind());
        n.put("sequence", r.sequence());
        n.put("state", r.state().name());
        try {
            if (r.progress() != null) n.set("progress", JobRequest.MAPPER.readTree(r.progress()));
            else n.putNull("progress");
        } catch (JsonProcessingException e) {
            n.putNull("progress");
        }
        if (r.error() != null) n.put("error", r.error());
        n.put("has_result", r.result() != null);
        n.put("has_checkpoint", r.checkpoint() != null);
        n.put("created_ms", r.createdMillis());
        n.put("updated_ms", r.updatedMillis());
        return n;
    }

    private static ArrayNode backends() {
        ArrayNode out = JobRequest.MAPPER.createArrayNode();
        for (var b : Backends.discover().all()) {
            ObjectNode n = out.addObject();
            n.put("name", b.name());
            n.put("available", b.availability().available());
            if (!b.availability().available()) n.put("reason", b.availability().reason());
        }
        return out;
    }

    private static String openApi() throws IOException {
        try (InputStream in = HttpApi.class.getResourceAsStream("/certus/openapi.json")) {
            if (in == null) throw new IOException("openapi.json missing from the jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void json(Context ctx, int status, JsonNode body) {
        ctx.status(status).contentType("application/json").result(body.toString());
    }

    private static void error(Context ctx, int status, String message) {
        json(ctx, status, JobRequest.MAPPER.createObjectNode().put("error", message == null ? "error" : message));
    }
}
