package certus.app.service;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /v1/jobs} as {@code multipart/form-data}: a form field {@code request} with the job's JSON (without
 * data) and a file part {@code data} with the CSV — what {@code curl -F request=@job.json -F data=@train.csv} sends.
 * The file must be UTF-8 text; its name appears in messages about its rows.
 */
final class Uploads {
    private Uploads() {}

    static JobRequest request(Context ctx, long maxBytes, double maxTimeLimit) {
        HttpApi.checkDeclaredLength(ctx, maxBytes);
        UploadedFile file;
        String json;
        try {
            file = ctx.uploadedFile("data");
            json = ctx.formParam("request");
        } catch (RuntimeException e) { // Jetty's multipart parser: size limits and malformed parts
            String why = String.valueOf(e.getMessage()) + (e.getCause() == null ? "" : " (" + e.getCause().getMessage() + ")");
            if (why.toLowerCase(java.util.Locale.ROOT).contains("size") || why.contains("exceed")) {
                throw new BadRequestException(413, "the upload exceeds the limit of " + maxBytes + " bytes: " + why);
            }
            throw new BadRequestException(400, "cannot read the multipart body: " + why);
        }
        if (json == null) throw new BadRequestException(400, "multipart upload without a 'request' field (the job's JSON)");
        if (file == null) throw new BadRequestException(400, "multipart upload without a 'data' file part (the CSV)");
        String name = file.filename() == null || file.filename().isBlank() ? "data" : file.filename();
        return JobRequest.parse(HttpApi.parseJson(json, "the 'request' field"), utf8(file, name, maxBytes), name, maxTimeLimit);
    }

    private static String utf8(UploadedFile file, String name, long maxBytes) {
        if (file.size() > maxBytes) throw new BadRequestException(413, "upload '" + name + "' of " + file.size() + " bytes exceeds the limit of " + maxBytes);
        byte[] bytes;
        try (InputStream in = file.content()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new BadRequestException(400, "cannot read upload '" + name + "': " + e.getMessage());
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new BadRequestException(400, "upload '" + name + "' is not UTF-8 text (is it a spreadsheet? export it as CSV)");
        }
    }
}
