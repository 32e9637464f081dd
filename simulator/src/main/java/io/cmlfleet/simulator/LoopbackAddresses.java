package io.cmlfleet.simulator;

/**
 * Public IPs of simulated workers: addresses in 127.77.0.0/16 and upwards. Linux routes all of 127.0.0.0/8 to the
 * loopback interface, so each worker gets an address of its own without any network setup, and the CML server tells
 * workers apart by the local address a connection arrived on.
 *
 * <p>The host byte runs 1..250 so no address ends in .0 or .255, which some tools treat specially.
 */
public final class LoopbackAddresses {

    static final int HOSTS_PER_BLOCK = 250;
    static final int BLOCKS_PER_SECOND_OCTET = 256;
    static final int FIRST_SECOND_OCTET = 77;
    /** The committed certificate names exactly the first this many addresses (127.77.0.1 .. 127.77.7.250). */
    public static final int CERTIFIED_ADDRESSES = 2000;

    private LoopbackAddresses() {
    }

    /** The address of the n-th worker (0-based), in launch order. */
    public static String forOrdinal(int ordinal) {
        if (ordinal < 0) {
            throw new IllegalArgumentException("ordinal must not be negative");
        }
        int block = ordinal / HOSTS_PER_BLOCK;
        int second = FIRST_SECOND_OCTET + block / BLOCKS_PER_SECOND_OCTET;
        if (second > 254) {
            throw new IllegalArgumentException("too many simulated workers for the loopback range");
        }
        return "127." + second + "." + (block % BLOCKS_PER_SECOND_OCTET) + "." + (ordinal % HOSTS_PER_BLOCK + 1);
    }
}
