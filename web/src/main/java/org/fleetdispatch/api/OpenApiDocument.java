package org.fleetdispatch.api;

import jakarta.json.bind.annotation.JsonbProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.media.Schema.SchemaType;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.parameters.RequestBody;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.fleetdispatch.api.json.Behavior;
import org.fleetdispatch.api.json.Detail;
import org.fleetdispatch.api.json.MissionCreate;
import org.fleetdispatch.api.json.MissionJson;
import org.fleetdispatch.api.json.RobotCreate;
import org.fleetdispatch.api.json.RobotJson;
import org.fleetdispatch.api.json.RobotUpdate;
import org.fleetdispatch.mission.tree.NodeSpecs;

/**
 * Completes the OpenAPI document that Payara builds from the annotations (registered as
 * {@code mp.openapi.filter}). Payara's scanner names properties as Java does, not as JSON-B writes
 * them ({@code heartbeatTimeout} for {@code heartbeat_timeout}), cannot describe the domain's records
 * (mission nodes, waypoints), enums or {@link Instant}, and fills unset constraints with their Java
 * defaults ({@code maxItems: -2147483648}). So the model schemas are generated here from the very
 * records {@link org.fleetdispatch.api.json.ApiJson} maps — same property names by the same rule,
 * descriptions from their {@code @Schema} annotations — and the defaults are removed.
 */
public class OpenApiDocument implements OASFilter {

    private static final List<Class<?>> MODELS = List.of(RobotJson.class, RobotCreate.class, RobotUpdate.class,
            MissionJson.class, MissionCreate.class, Behavior.class, Detail.class, Problem.class);

    @Override
    public Schema filterSchema(Schema schema) {
        if (schema.getMultipleOf() != null && schema.getMultipleOf().compareTo(BigDecimal.ZERO) == 0) {
            schema.setMultipleOf(null);
        }
        if (Integer.valueOf(Integer.MAX_VALUE).equals(schema.getMaxLength())) {
            schema.setMaxLength(null);
        }
        if (schema.getMaxItems() != null && (schema.getMaxItems() < 0 || schema.getMaxItems() == Integer.MAX_VALUE)) {
            schema.setMaxItems(null);
        }
        if (schema.getMinItems() != null && (schema.getMinItems() == Integer.MAX_VALUE || schema.getMinItems() <= 0)) {
            schema.setMinItems(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinLength())) {
            schema.setMinLength(null);
        }
        if (Integer.valueOf(0).equals(schema.getMaxProperties())) {
            schema.setMaxProperties(null);
        }
        if (Integer.valueOf(0).equals(schema.getMinProperties())) {
            schema.setMinProperties(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
        return schema;
    }

    @Override
    public Parameter filterParameter(Parameter parameter) {
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
        return parameter;
    }

    /** Payara adds a {@code * / *} twin of every JSON request body; the API reads JSON only. */
    @Override
    public RequestBody filterRequestBody(RequestBody body) {
        if (body.getContent() != null && body.getContent().getMediaTypes() != null
                && body.getContent().getMediaTypes().containsKey("application/json")) {
            body.getContent().removeMediaType("*/*");
        }
        return body;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        Map<String, Schema> schemas = new LinkedHashMap<>();
        for (Class<?> model : MODELS) {
            describe(model, schemas);
        }
        schemas.forEach(components::addSchema);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            arrayOf(openAPI.getPaths().getPathItems().get("/robot"), "Robot");
            arrayOf(openAPI.getPaths().getPathItems().get("/mission"), "Mission");
            arrayOf(openAPI.getPaths().getPathItems().get("/behaviors"), "Behavior");
            routeUpdates(openAPI.getPaths().getPathItems().get("/mission/{name}/update"));
        }
    }

    /** The update endpoint takes and answers a map of route node name → {@code {"waypoints": [...]}}. */
    private static void routeUpdates(PathItem path) {
        Operation post = path == null ? null : path.getPOST();
        if (post == null) {
            return;
        }
        List<Content> contents = new ArrayList<>();
        if (post.getRequestBody() != null) {
            contents.add(post.getRequestBody().getContent());
        }
        APIResponse ok = post.getResponses() == null ? null : post.getResponses().getAPIResponse("200");
        if (ok != null) {
            contents.add(ok.getContent());
        }
        for (Content content : contents) {
            if (content != null && content.getMediaTypes() != null) {
                content.getMediaTypes().values().forEach(media -> media.setSchema(OASFactory.createSchema()
                        .type(SchemaType.OBJECT).additionalPropertiesSchema(ref(nameOf(NodeSpecs.Route.class)))));
            }
        }
    }

    private static void arrayOf(PathItem path, String item) {
        Operation get = path == null ? null : path.getGET();
        APIResponse ok = get == null || get.getResponses() == null ? null : get.getResponses().getAPIResponse("200");
        Content content = ok == null ? null : ok.getContent();
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        for (MediaType media : content.getMediaTypes().values()) {
            media.setSchema(OASFactory.createSchema().type(SchemaType.ARRAY).items(ref(item)));
        }
    }

    /** The schema's name: its {@code @Schema(name)}, or the class name (nodes' behaviours prefixed "Node"). */
    static String nameOf(Class<?> type) {
        var annotation = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (annotation != null && !annotation.name().isEmpty()) {
            return annotation.name();
        }
        return type.getEnclosingClass() == NodeSpecs.class ? "Node" + type.getSimpleName() : type.getSimpleName();
    }

    /** A {@code $ref} to the schema of {@code type}, described into {@code schemas} once. */
    private static Schema describe(Class<?> type, Map<String, Schema> schemas) {
        String name = nameOf(type);
        if (!schemas.containsKey(name)) {
            schemas.put(name, OASFactory.createSchema()); // placeholder against cycles
            schemas.put(name, type.isEnum() ? enumSchema(type) : recordSchema(type, schemas));
        }
        return ref(name);
    }

    private static Schema enumSchema(Class<?> type) {
        return OASFactory.createSchema().type(SchemaType.STRING)
                .enumeration(new ArrayList<>(Arrays.stream(type.getEnumConstants()).map(c -> (Object) ((Enum<?>) c).name()).toList()));
    }

    private static Schema recordSchema(Class<?> type, Map<String, Schema> schemas) {
        Schema schema = OASFactory.createSchema().type(SchemaType.OBJECT);
        var annotation = type.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
        if (annotation != null && !annotation.description().isEmpty()) {
            schema.description(annotation.description());
        }
        Map<String, Schema> properties = new LinkedHashMap<>();
        for (RecordComponent component : type.getRecordComponents()) {
            Field field = field(type, component.getName());
            Schema property = schemaOf(component.getGenericType(), schemas);
            var doc = field == null ? null : field.getAnnotation(org.eclipse.microprofile.openapi.annotations.media.Schema.class);
            if (doc != null && (!doc.description().isEmpty() || !doc.defaultValue().isEmpty())) {
                // a $ref cannot carry siblings in OpenAPI 3.0: wrap it
                Schema described = property.getRef() != null ? OASFactory.createSchema().addAllOf(property) : property;
                if (!doc.description().isEmpty()) {
                    described.description(doc.description());
                }
                if (!doc.defaultValue().isEmpty()) {
                    described.defaultValue(doc.defaultValue());
                }
                property = described;
            }
            properties.put(jsonName(field, component.getName()), property);
        }
        return schema.properties(properties);
    }

    private static Schema schemaOf(Type type, Map<String, Schema> schemas) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (List.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.ARRAY).items(schemaOf(p.getActualTypeArguments()[0], schemas));
            }
            if (Map.class.isAssignableFrom(raw)) {
                return OASFactory.createSchema().type(SchemaType.OBJECT)
                        .additionalPropertiesSchema(schemaOf(p.getActualTypeArguments()[1], schemas));
            }
        }
        Class<?> c = (Class<?>) type;
        if (c == String.class) {
            return OASFactory.createSchema().type(SchemaType.STRING);
        }
        if (c == double.class || c == Double.class || c == float.class || c == Float.class) {
            return OASFactory.createSchema().type(SchemaType.NUMBER);
        }
        if (c == int.class || c == Integer.class || c == long.class || c == Long.class) {
            return OASFactory.createSchema().type(SchemaType.INTEGER);
        }
        if (c == boolean.class || c == Boolean.class) {
            return OASFactory.createSchema().type(SchemaType.BOOLEAN);
        }
        if (c == Instant.class) {
            return OASFactory.createSchema().type(SchemaType.STRING).format("date-time");
        }
        if (c.isEnum() || c.isRecord()) {
            return describe(c, schemas);
        }
        return OASFactory.createSchema(); // any JSON value (action parameters, notify payloads)
    }

    /** The name JSON-B gives the property: {@code @JsonbProperty}, or the Java name in snake_case. */
    static String jsonName(Field field, String javaName) {
        JsonbProperty explicit = field == null ? null : field.getAnnotation(JsonbProperty.class);
        if (explicit != null && !explicit.value().isEmpty()) {
            return explicit.value();
        }
        StringBuilder snake = new StringBuilder();
        for (char ch : javaName.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                if (!snake.isEmpty() && snake.charAt(snake.length() - 1) != '_') {
                    snake.append('_');
                }
                snake.append(Character.toLowerCase(ch));
            } else {
                snake.append(ch);
            }
        }
        return snake.toString();
    }

    private static Field field(Class<?> type, String name) {
        try {
            return type.getDeclaredField(name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    private static Schema ref(String name) {
        return OASFactory.createSchema().ref(name);
    }
}
