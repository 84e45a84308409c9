package org.fleetdispatch.robot;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** What the operator says about a robot's battery: percentages, as Isaac Mission Dispatch has them. */
@Embeddable
public class BatterySpec {

    public static final double DEFAULT_CRITICAL_LEVEL = 10.0;

    @Column(name = "battery_critical_level", nullable = false)
    private double criticalLevel;

    @Column(name = "battery_recommended_minimum")
    private Double recommendedMinimum;

    @Column(name = "battery_recommended_maximum")
    private Double recommendedMaximum;

    protected BatterySpec() {
        // for JPA
    }

    /** @throws IllegalArgumentException naming the field when a level is outside 0..100 or min > max */
    public BatterySpec(Double criticalLevel, Double recommendedMinimum, Double recommendedMaximum) {
        this.criticalLevel = percent("battery.critical_level", criticalLevel == null ? DEFAULT_CRITICAL_LEVEL : criticalLevel);
        this.recommendedMinimum = recommendedMinimum == null ? null : percent("battery.recommended_minimum", recommendedMinimum);
        this.recommendedMaximum = recommendedMaximum == null ? null : percent("battery.recommended_maximum", recommendedMaximum);
        if (this.recommendedMinimum != null && this.recommendedMaximum != null && this.recommendedMinimum > this.recommendedMaximum) {
            throw new IllegalArgumentException("battery.recommended_minimum (" + recommendedMinimum
                    + ") is above battery.recommended_maximum (" + recommendedMaximum + ")");
        }
    }

    public static BatterySpec defaults() {
        return new BatterySpec(null, null, null);
    }

    private static double percent(String field, double value) {
        if (!(value >= 0 && value <= 100)) {
            throw new IllegalArgumentException(field + " must be a percentage 0..100, was " + value);
        }
        return value;
    }

    public double criticalLevel() {
        return criticalLevel;
    }

    public Double recommendedMinimum() {
        return recommendedMinimum;
    }

    public Double recommendedMaximum() {
        return recommendedMaximum;
    }
}
