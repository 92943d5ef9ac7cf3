package certus.solver;

/** Whether a backend can run here, and if not, why and what to do ("Maybe ..."). */
public record Availability(boolean available, String reason) {
    public static Availability yes() {
        return new Availability(true, "");
    }

    public static Availability no(String reason) {
        return new Availability(false, reason);
    }
}
