package com.scantill.ui;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import javafx.scene.control.DatePicker;
import javafx.util.StringConverter;

/**
 * A date picker's day as the language of the moment writes it; typed in ISO, or in Thai in the Buddhist era. What is
 * not a day leaves the picker's day as it was.
 */
final class DayConverter extends StringConverter<LocalDate> {

    private final Function<LocalDate, String> text;
    private final Function<String, Optional<LocalDate>> read;
    private final DatePicker picker;

    DayConverter(Function<LocalDate, String> text, Function<String, Optional<LocalDate>> read, DatePicker picker) {
        this.text = text;
        this.read = read;
        this.picker = picker;
    }

    @Override
    public String toString(LocalDate day) {
        return day == null ? "" : text.apply(day);
    }

    @Override
    public LocalDate fromString(String typed) {
        return read.apply(typed).orElse(picker.getValue());
    }
}
