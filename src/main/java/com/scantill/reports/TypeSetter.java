package com.scantill.reports;

import com.scantill.reports.ReportLine.Style;
import com.scantill.words.TextSetter;
import com.scantill.words.TypeFace;
import java.awt.Font;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report's styles set in ScanTill Sans at a layout's size, measured as the PDF and the printer set them. */
final class TypeSetter {

    private final TextSetter text;
    private final Map<Style, Font> fonts = new EnumMap<>(Style.class);

    TypeSetter(float size, Locale locale) {
        this.text = new TextSetter(locale);
        for (Style style : Style.values()) {
            fonts.put(style, face(style).awt().deriveFont(style.size(size)));
        }
    }

    static TypeFace face(Style style) {
        return style == Style.TEXT ? TypeFace.REGULAR : TypeFace.BOLD;
    }

    float width(String line, Style style) {
        return text.width(line, fonts.get(style));
    }

    String fit(String line, float room, Style style) {
        return text.fit(line, room, fonts.get(style));
    }

    List<String> wrap(String line, float room, Style style) {
        return text.wrap(line, room, fonts.get(style));
    }
}
