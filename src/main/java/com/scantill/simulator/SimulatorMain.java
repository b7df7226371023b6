package com.scantill.simulator;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulator on its own, for integrators:
 * {@code ./mvnw -q compile exec:java -Dexec.args="--port 8080 --confirm-delay 5"}.
 */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        OmiseSimulator.Options options = OmiseSimulator.options().port(8080);
        URI webhookUrl = null;
        Duration webhookDelay = Duration.ZERO;
        String webhookSecret = System.getenv("SCANTILL_WEBHOOK_SECRET");
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> options.port(Integer.parseInt(require(args[i], value)));
                case "--confirm-delay" -> options.confirmDelay(Duration.ofMillis(
                        Math.round(Double.parseDouble(require(args[i], value)) * 1000)));
                case "--webhook-url" -> webhookUrl = URI.create(require(args[i], value));
                case "--webhook-delay" -> webhookDelay = Duration.ofMillis(Math.round(Double.parseDouble(require(args[i], value)) * 1000));
                case "--help", "-h" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("Unknown option " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
            i++;
        }
        if (webhookUrl != null) {
            options.webhooks(webhookUrl, webhookDelay, webhookSecret);
        }
        OmiseSimulator simulator = OmiseSimulator.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            simulator.close();
            stopped.countDown();
        }));
        System.out.println("Omise simulator listening at " + simulator.baseUri() + " (Ctrl-C stops it). Try:");
        System.out.println("  curl " + simulator.baseUri() + "/charges -u skey_test_anything: -d amount=150000"
                + " -d currency=THB -d \"source[type]=wechat_pay_upm\" -d \"source[barcode]=130991292552725093\"");
        stopped.await();
    }

    private static String require(String option, String value) {
        if (value == null) {
            System.err.println(option + " needs a value");
            System.exit(2);
        }
        return value;
    }

    private static void usage() {
        System.out.println("Options: --port N (default 8080, 0 for any free port), "
                + "--confirm-delay SECONDS (default 3: how long the scripted customer takes to pay), "
                + "--webhook-url URL (post Omise's webhook events there, signed with SCANTILL_WEBHOOK_SECRET when set), "
                + "--webhook-delay SECONDS (default 0: how long after a change its event is posted)");
    }
}
