import { describe, expect, it } from "vitest";
import { BookReplica } from "./BookReplica.js";

describe("BookReplica", () => {
  it("applies a snapshot and changes, and compares with get_order_book's levels", () => {
    const book = new BookReplica();
    book.apply({
      bids: [
        ["new", 100, 10],
        ["new", 99.5, 20],
      ],
      asks: [["new", 101, 5]],
    });
    book.apply({
      bids: [
        ["delete", 100, 0],
        ["change", 99.5, 30],
      ],
      asks: [],
    });
    expect(book.difference({ bids: [["99.5", "30"]], asks: [["101", "5"]] }, 10)).toBeUndefined();
    expect(book.difference({ bids: [["100", "10"]], asks: [["101", "5"]] }, 10)).toBe(
      "bids: the notifications give 30 at 99.5; get_order_book shows 10 at 100",
    );
  });

  it("names a level that is not [action, price, amount]", () => {
    expect(new BookReplica().apply({ bids: [["add", 1, 1]], asks: [] })).toMatch(/action "add"/);
    expect(new BookReplica().apply({ bids: [[1, 1]], asks: [] })).toMatch(/not \[action/);
  });
});
