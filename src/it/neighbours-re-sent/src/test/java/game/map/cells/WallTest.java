package game.map.cells;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class WallTest {
    @Test
    void aWallIsNeverFilled() {
        Cell wall = new Wall();
        assertFalse(wall.fillable());
        assertEquals('#', wall.symbol());
    }
}
