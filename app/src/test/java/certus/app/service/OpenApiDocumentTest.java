package certus.app.service;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import java.util.stream.Collectors;

import static certus.app.service.TestServer.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** The OpenAPI document names exactly the kinds, fields and parameters the parser accepts, so it cannot drift. */
class OpenApiDocumentTest {
    private static JsonNode document() throws Exception {
        try (InputStream in = HttpApi.class.getResourceAsStream("/certus/openapi.json")) {
            assertNotNull(in, "openapi.json is in the jar");
            return JSON.readTree(in);
        }
    }

    private static Set<String> names(JsonNode object) {
        Set<String> out = new HashSet<>();
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) out.add(it.next());
        return out;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> out = new HashSet<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void kindsFieldsAndParamsMatchTheParser() throws Exception {
        JsonNode schemas = document().get("components").get("schemas");
        JsonNode request = schemas.get("JobRequest").get("properties");
        assertEquals(JobRequest.FIELDS, names(request));
        assertEquals(Arrays.stream(JobKind.values()).map(JobKind::jsonName).collect(Collectors.toSet()), texts(request.get("kind").get("enum")));
        assertEquals(JobSpec.SMTL_FIELDS, names(schemas.get("SmtlParams").get("properties")));
        assertEquals(JobSpec.CV_FIELDS, names(schemas.get("CvParams").get("properties")));
        assertEquals(JobSpec.TENMTL_FIELDS, names(schemas.get("TenMtlParams").get("properties")));
        assertEquals(JobSpec.DUALENC_FIELDS, names(schemas.get("DualEncParams").get("properties")));
        assertEquals(Arrays.stream(JobState.values()).map(Enum::name).collect(Collectors.toSet()),
                texts(schemas.get("JobStatus").get("properties").get("state").get("enum")));
        assertEquals(Set.of("/v1/health", "/v1/openapi.json", "/v1/backends", "/v1/jobs", "/v1/jobs/{id}", "/v1/jobs/{id}/result",
                "/v1/jobs/{id}/checkpoint"), names(document().get("paths")));
    }
}
