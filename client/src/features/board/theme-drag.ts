/** The drag data type of a note being moved between themes; other drags are ignored. */
export const noteDragType = 'application/x-reflectory-note';
