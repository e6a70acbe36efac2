package io.crawlseq.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3SequencerTest {

    @RepeatedTest(20)
    void compareTo_ordersLikeTheHexNumbers(RepetitionInfo repetition) {
        Random random = new Random(repetition.getCurrentRepetition());
        for (int i = 0; i < 200; i++) {
            String a = randomHex(random);
            String b = randomHex(random);

            int expected = Integer.signum(new BigInteger(a, 16).compareTo(new BigInteger(b, 16)));

            assertThat(Integer.signum(S3Sequencer.of(a).compareTo(S3Sequencer.of(b)))).as("%s vs %s", a, b)
                    .isEqualTo(expected);
            assertThat(Integer.signum(S3Sequencer.of(a).sortable().compareTo(S3Sequencer.of(b).sortable())))
                    .isEqualTo(expected);
            assertThat(S3Sequencer.fromSortable(S3Sequencer.of(a).sortable())).isEqualTo(S3Sequencer.of(a));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0x1F", "12G", " 12", "11111111111111111111111111111111111111111111111111111111111111111"})
    void of_refusesNonHex(String bad) {
        assertThatThrownBy(() -> S3Sequencer.of(bad)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String randomHex(Random random) {
        int length = 1 + random.nextInt(20);
        StringBuilder hex = new StringBuilder();
        for (int i = 0; i < length; i++) {
            char c = "0123456789abcdefABCDEF".charAt(random.nextInt(22));
            hex.append(i == 0 && random.nextInt(4) == 0 ? '0' : c);
        }
        return hex.toString();
    }
}
