package game.map.cells;

/** One square of the map. */
public abstract class Cell {

    /** Whether water can flow into this cell. */
    public abstract boolean fillable();

    /** The character the map shows for this cell. */
    public char symbol() {
        return '.';
    }
}
