package org.fleetdispatch.vda5050;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbProperty;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Topic {@code factsheet}, AGV to master control (section 6.16): the AGV type's properties and the protocol
 * features it supports; sent on a {@code factsheetRequest} instant action, retained. Its parts are nested here
 * because they belong to no other message.
 */
public record Factsheet(long headerId, Instant timestamp, String version, String manufacturer, String serialNumber,
                        TypeSpecification typeSpecification, PhysicalParameters physicalParameters,
                        ProtocolLimits protocolLimits, ProtocolFeatures protocolFeatures, AgvGeometry agvGeometry,
                        LoadSpecification loadSpecification, JsonObject localizationParameters)
        implements Vda5050Message {

    public Factsheet {
        Objects.requireNonNull(typeSpecification, "typeSpecification");
        Objects.requireNonNull(physicalParameters, "physicalParameters");
        Objects.requireNonNull(protocolLimits, "protocolLimits");
        Objects.requireNonNull(protocolFeatures, "protocolFeatures");
        Objects.requireNonNull(agvGeometry, "agvGeometry");
        Objects.requireNonNull(loadSpecification, "loadSpecification");
    }

    /** A message with the given header fields. */
    public static Factsheet of(Header h, TypeSpecification typeSpecification, PhysicalParameters physicalParameters,
                     ProtocolLimits protocolLimits, ProtocolFeatures protocolFeatures, AgvGeometry agvGeometry,
                     LoadSpecification loadSpecification, JsonObject localizationParameters) {
        return new Factsheet(h.headerId(), h.timestamp(), h.version(), h.manufacturer(), h.serialNumber(), typeSpecification,
                physicalParameters, protocolLimits, protocolFeatures, agvGeometry, loadSpecification,
                localizationParameters);
    }

    @Override
    public Topic topic() {
        return Topic.FACTSHEET;
    }

    @Override
    public Factsheet withHeader(Header h) {
        return of(h, typeSpecification, physicalParameters, protocolLimits, protocolFeatures, agvGeometry,
                loadSpecification, localizationParameters);
    }

    /** Simplified kinematics type. */
    public enum AgvKinematic { DIFF, OMNI, THREEWHEEL }

    /** Simplified AGV class. */
    public enum AgvClass { FORKLIFT, CONVEYOR, TUGGER, CARRIER }

    /** Support of an optional protocol parameter. */
    public enum Support { SUPPORTED, REQUIRED }

    /** Where an action type may be used. */
    public enum ActionScope { INSTANT, NODE, EDGE }

    /** Data type of an action parameter's value. */
    public enum ValueDataType { BOOL, NUMBER, INTEGER, FLOAT, STRING, OBJECT, ARRAY }

    /** Wheel type. */
    public enum WheelType { DRIVE, CASTER, FIXED, MECANUM }

    /** General properties of the AGV type. */
    public record TypeSpecification(String seriesName, String seriesDescription, AgvKinematic agvKinematic,
                                    AgvClass agvClass, double maxLoadMass, List<String> localizationTypes,
                                    List<String> navigationTypes) {
        public TypeSpecification {
            Objects.requireNonNull(seriesName, "seriesName");
            localizationTypes = Lists.required(localizationTypes, "localizationTypes");
            navigationTypes = Lists.required(navigationTypes, "navigationTypes");
        }
    }

    /** Physical properties: speeds in m/s, accelerations in m/s², sizes in m. */
    public record PhysicalParameters(double speedMin, double speedMax, double accelerationMax,
                                     double decelerationMax, double heightMin, double heightMax, double width,
                                     double length) {
    }

    /** Protocol limits; an absent or zero limit means no explicit limit. */
    public record ProtocolLimits(MaxStringLens maxStringLens, MaxArrayLens maxArrayLens, Timing timing) {
        public ProtocolLimits {
            Objects.requireNonNull(maxStringLens, "maxStringLens");
            Objects.requireNonNull(maxArrayLens, "maxArrayLens");
            Objects.requireNonNull(timing, "timing");
        }
    }

    /** Maximum string lengths. */
    public record MaxStringLens(Long msgLen, Long topicSerialLen, Long topicElemLen, Long idLen,
                                Boolean idNumericalOnly, Long enumLen, Long loadIdLen) {
    }

    /** Maximum array lengths; the JSON names contain dots. */
    public record MaxArrayLens(@JsonbProperty("order.nodes") Long orderNodes,
                               @JsonbProperty("order.edges") Long orderEdges,
                               @JsonbProperty("node.actions") Long nodeActions,
                               @JsonbProperty("edge.actions") Long edgeActions,
                               @JsonbProperty("actions.actionsParameters") Long actionsActionsParameters,
                               @JsonbProperty("instantActions") Long instantActions,
                               @JsonbProperty("trajectory.knotVector") Long trajectoryKnotVector,
                               @JsonbProperty("trajectory.controlPoints") Long trajectoryControlPoints,
                               @JsonbProperty("state.nodeStates") Long stateNodeStates,
                               @JsonbProperty("state.edgeStates") Long stateEdgeStates,
                               @JsonbProperty("state.loads") Long stateLoads,
                               @JsonbProperty("state.actionStates") Long stateActionStates,
                               @JsonbProperty("state.errors") Long stateErrors,
                               @JsonbProperty("state.information") Long stateInformation,
                               @JsonbProperty("error.errorReferences") Long errorErrorReferences,
                               @JsonbProperty("information.infoReferences") Long informationInfoReferences) {
    }

    /** Timing in seconds. */
    public record Timing(double minOrderInterval, double minStateInterval, Double defaultStateInterval,
                         Double visualizationInterval) {
    }

    /** Supported optional parameters and actions. */
    public record ProtocolFeatures(List<OptionalParameter> optionalParameters, List<AgvAction> agvActions) {
        public ProtocolFeatures {
            optionalParameters = Lists.required(optionalParameters, "optionalParameters");
            agvActions = Lists.required(agvActions, "agvActions");
        }
    }

    /** An optional protocol parameter the AGV supports or requires, e.g. "order.edges.trajectory". */
    public record OptionalParameter(String parameter, Support support, String description) {
    }

    /** An action type the AGV supports. */
    public record AgvAction(String actionType, String actionDescription, List<ActionScope> actionScopes,
                            List<ActionParameterDefinition> actionParameters, String resultDescription,
                            List<BlockingType> blockingTypes) {
        public AgvAction {
            Objects.requireNonNull(actionType, "actionType");
            actionScopes = Lists.required(actionScopes, "actionScopes");
            actionParameters = Lists.optional(actionParameters);
            blockingTypes = Lists.optional(blockingTypes);
        }
    }

    /** A parameter an action type takes. */
    public record ActionParameterDefinition(String key, ValueDataType valueDataType, String description,
                                            @JsonbProperty("isOptional") Boolean isOptional) {
    }

    /** Geometry: wheels and envelopes. */
    public record AgvGeometry(List<WheelDefinition> wheelDefinitions, List<Envelope2d> envelopes2d,
                              List<Envelope3d> envelopes3d) {
        public AgvGeometry {
            wheelDefinitions = Lists.optional(wheelDefinitions);
            envelopes2d = Lists.optional(envelopes2d);
            envelopes3d = Lists.optional(envelopes3d);
        }
    }

    /** One wheel. */
    public record WheelDefinition(WheelType type, @JsonbProperty("isActiveDriven") boolean isActiveDriven,
                                  @JsonbProperty("isActiveSteered") boolean isActiveSteered, WheelPosition position,
                                  double diameter, double width, Double centerDisplacement, String constraints) {
    }

    /** A wheel's position in vehicle coordinates. */
    public record WheelPosition(double x, double y, Double theta) {
    }

    /** A 2D envelope curve (closed polygon). */
    public record Envelope2d(String set, List<PolygonPoint> polygonPoints, String description) {
        public Envelope2d {
            polygonPoints = Lists.required(polygonPoints, "polygonPoints");
        }
    }

    /** A polygon point in metres. */
    public record PolygonPoint(double x, double y) {
    }

    /** A 3D envelope curve in some format, e.g. DXF. */
    public record Envelope3d(String set, String format, JsonObject data, String url, String description) {
    }

    /** Load handling. */
    public record LoadSpecification(List<String> loadPositions, List<LoadSet> loadSets) {
        public LoadSpecification {
            loadPositions = Lists.optional(loadPositions);
            loadSets = Lists.optional(loadSets);
        }
    }

    /** A set of loads the AGV can handle. */
    public record LoadSet(String setName, String loadType, List<String> loadPositions,
                          BoundingBoxReference boundingBoxReference, LoadDimensions loadDimensions, Double maxWeight,
                          Double minLoadhandlingHeight, Double maxLoadhandlingHeight, Double minLoadhandlingDepth,
                          Double maxLoadhandlingDepth, Double minLoadhandlingTilt, Double maxLoadhandlingTilt,
                          Double agvSpeedLimit, Double agvAccelerationLimit, Double agvDecelerationLimit,
                          Double pickTime, Double dropTime, String description) {
        public LoadSet {
            loadPositions = Lists.optional(loadPositions);
        }
    }
}
