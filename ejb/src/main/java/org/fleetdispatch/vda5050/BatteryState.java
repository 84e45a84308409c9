package org.fleetdispatch.vda5050;

/**
 * Battery information (section 6.10.6, "batteryState").
 *
 * @param batteryCharge  state of charge in percent, [0, 100]
 * @param batteryHealth  optional state of health in percent, [0, 100]
 * @param reach          optional estimated reach in metres, ≥ 0
 */
public record BatteryState(double batteryCharge, Double batteryVoltage, Integer batteryHealth, boolean charging,
                           Double reach) {

    public static BatteryState of(double batteryCharge, boolean charging) {
        return new BatteryState(batteryCharge, null, null, charging, null);
    }
}
