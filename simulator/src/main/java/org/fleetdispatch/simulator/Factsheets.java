package org.fleetdispatch.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.fleetdispatch.vda5050.BlockingType;
import org.fleetdispatch.vda5050.Factsheet;
import org.fleetdispatch.vda5050.Header;

/** The factsheet a simulated robot sends on factsheetRequest (6.16). */
final class Factsheets {

    private Factsheets() {
    }

    static Factsheet of(SimulatorConfig config, Header header) {
        double period = config.statePeriod().toNanos() / 1e9;
        List<Factsheet.AgvAction> actions = new ArrayList<>();
        List<Factsheet.ActionScope> instant = List.of(Factsheet.ActionScope.INSTANT);
        List<Factsheet.ActionScope> instantOrNode = List.of(Factsheet.ActionScope.INSTANT,
                Factsheet.ActionScope.NODE);
        for (String type : List.of("cancelOrder", "startPause", "stopPause", "stateRequest", "factsheetRequest",
                "startTeleop", "stopTeleop")) {
            actions.add(new Factsheet.AgvAction(type, null, instant, null, null, null));
        }
        for (String type : List.of("startCharging", "stopCharging", "initPosition")) {
            actions.add(new Factsheet.AgvAction(type, null, instantOrNode, null, null, null));
        }
        TreeSet<String> configured = new TreeSet<>(config.actionDurations().keySet());
        configured.addAll(config.failingActions());
        for (String type : configured) {
            if (actions.stream().noneMatch(a -> a.actionType().equals(type))) {
                actions.add(new Factsheet.AgvAction(type, "simulated: runs for " + config.actionDuration(type)
                        + (config.failingActions().contains(type) ? ", then fails" : ""),
                        List.of(Factsheet.ActionScope.NODE, Factsheet.ActionScope.EDGE,
                                Factsheet.ActionScope.INSTANT), null, null,
                        List.of(BlockingType.NONE, BlockingType.SOFT, BlockingType.HARD)));
            }
        }
        return Factsheet.of(header,
                new Factsheet.TypeSpecification("Fleet Dispatch simulator", "simulated differential-drive carrier",
                        Factsheet.AgvKinematic.DIFF, Factsheet.AgvClass.CARRIER, 500.0, List.of("NATURAL"),
                        List.of("AUTONOMOUS")),
                new Factsheet.PhysicalParameters(0.0, config.speed(), 1.0, 1.0, 0.2, 0.4, 0.6, 1.0),
                new Factsheet.ProtocolLimits(
                        new Factsheet.MaxStringLens(null, null, null, null, null, null, null),
                        new Factsheet.MaxArrayLens(null, null, null, null, null, null, null, null, null, null, null,
                                null, null, null, null, null),
                        new Factsheet.Timing(0.0, period, period, null)),
                new Factsheet.ProtocolFeatures(List.of(), actions),
                new Factsheet.AgvGeometry(null, null, null),
                new Factsheet.LoadSpecification(null, null),
                null);
    }
}
