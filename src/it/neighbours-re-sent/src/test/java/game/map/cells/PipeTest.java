package game.map.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PipeTest {
    @Test
    void aPipeIsFillableAndPaddedLabel() {
        Pipe pipe = new Pipe();
        assertTrue(pipe.fillable());
        assertEquals(" pipe ", pipe.label());
    }
}
