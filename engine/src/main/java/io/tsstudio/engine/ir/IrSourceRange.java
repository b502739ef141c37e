package io.tsstudio.engine.ir;

/** A source position range (1-based lines and columns, end exclusive) plus the file name LibTorch reports. */
public record IrSourceRange(String file, int startLine, int startColumn, int endLine, int endColumn) {
}
