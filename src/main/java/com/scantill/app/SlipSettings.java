package com.scantill.app;

import com.scantill.slips.PrinterSettings;
import com.scantill.slips.ShopDetails;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * The receipt printer and what goes on its slips, from {@code settings.properties}: {@code printer.connection}
 * ({@code none}, {@code network}, {@code device}, {@code serial}, {@code queue}), {@code printer.address},
 * {@code printer.paper} ({@code 80} or {@code 58} mm), {@code slip.onPaid} ({@code print}: the customer's slip at
 * once; {@code ask}: when the cashier asks, Ctrl+P; {@code off}), {@code slip.merchantCopy} ({@code true} to print the
 * shop's copy of a payment too), and the shop's {@code shop.name}, {@code shop.branch}, {@code shop.address},
 * {@code shop.taxId}, {@code slip.header} and {@code slip.footer} (lines split by {@code |}).
 */
public record SlipSettings(PrinterSettings printer, OnPaid onPaid, boolean merchantCopy, ShopDetails shop) {

    /** What happens when a sale is paid. */
    public enum OnPaid {
        PRINT,
        ASK,
        OFF
    }

    public static SlipSettings defaults() {
        return new SlipSettings(PrinterSettings.none(), OnPaid.PRINT, false, ShopDetails.unnamed());
    }

    static SlipSettings from(Properties file) {
        PrinterSettings.Connection connection = PrinterSettings.Connection.valueOf(
                file.getProperty("printer.connection", "none").strip().toUpperCase(Locale.ROOT));
        PrinterSettings.Paper paper = "58".equals(file.getProperty("printer.paper", "80").strip())
                ? PrinterSettings.Paper.MM58 : PrinterSettings.Paper.MM80;
        return new SlipSettings(new PrinterSettings(connection, file.getProperty("printer.address", ""), paper),
                OnPaid.valueOf(file.getProperty("slip.onPaid", "print").strip().toUpperCase(Locale.ROOT)),
                Boolean.parseBoolean(file.getProperty("slip.merchantCopy", "false").strip()),
                new ShopDetails(file.getProperty("shop.name"), file.getProperty("shop.branch"), file.getProperty("shop.address"),
                        file.getProperty("shop.taxId"), lines(file.getProperty("slip.header")), lines(file.getProperty("slip.footer"))));
    }

    /** Writes the printer and when it prints; the shop's own lines are left as the file has them. */
    void writeTo(Properties file) {
        file.setProperty("printer.connection", printer.connection().name().toLowerCase(Locale.ROOT));
        file.setProperty("printer.address", printer.address());
        file.setProperty("printer.paper", printer.paper() == PrinterSettings.Paper.MM58 ? "58" : "80");
        file.setProperty("slip.onPaid", onPaid.name().toLowerCase(Locale.ROOT));
        file.setProperty("slip.merchantCopy", Boolean.toString(merchantCopy));
    }

    /** The same shop, with another printer and another choice of when to print. */
    public SlipSettings with(PrinterSettings newPrinter, OnPaid newOnPaid) {
        return new SlipSettings(newPrinter, newOnPaid, merchantCopy, shop);
    }

    private static List<String> lines(String text) {
        return text == null || text.isBlank() ? List.of()
                : Arrays.stream(text.split("\\|")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
