package io.tsstudio.ui.compare;

import io.tsstudio.engine.diff.ClassCodeDiff;

import java.util.Optional;

/**
 * One line of a comparison's list of differences.
 *
 * @param kind       {@code module}, {@code parameter}, {@code code} or {@code output}
 * @param status     {@code added}, {@code removed}, {@code changed}, {@code shape}, {@code values}, {@code diverges}, ...
 * @param modulePath the module this difference belongs to, for "show in both graphs"; empty for none
 * @param code       the class code diff a {@code code} row opens
 */
public record DiffRow(String kind, String status, String text, Optional<String> modulePath, Optional<ClassCodeDiff> code) {
    @Override
    public String toString() {
        return text;
    }
}
