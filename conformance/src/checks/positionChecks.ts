import { defineCheck } from "../core/defineCheck.js";
import { specRef } from "../core/SpecReference.js";

const GP = "private/get_position";
const field = (name: string) =>
  specRef(undefined, `/components/schemas/Position/properties/${name}`);
const bookkeeping = specRef("private/close_position", "/description", "Position bookkeeping");

/** Position bookkeeping, from trades at different prices between the maker and the taker. */
export const positionChecks = {
  averagePrice: defineCheck({
    id: "position-average-price",
    description:
      "average_price is the volume-weighted price of the trades that built the position, unchanged by a partial reduction and restarted at the flip's price by a flip",
    method: GP,
    specReferences: [field("average_price"), bookkeeping],
  }),
  realizedPnl: defineCheck({
    id: "position-realized-pnl",
    description:
      "Each reducing fill adds (p - average_price) * q closing a long, (average_price - p) * q closing a short, to realized_profit_loss",
    method: GP,
    specReferences: [field("realized_profit_loss"), bookkeeping],
  }),
  signedSizes: defineCheck({
    id: "position-signed-sizes",
    description:
      "size is signed (negative when short) in get_position and get_positions (read again after each change), direction buy/sell/zero and size_currency's sign follow it, and the two accounts' sizes in the traded instrument sum to zero",
    method: "private/get_positions",
    specReferences: [
      field("size"),
      field("size_currency"),
      specRef(undefined, "/components/schemas/PositionDirection"),
      specRef(undefined, "/components/schemas/Position/description"),
    ],
  }),
  totalPnl: defineCheck({
    id: "position-total-pnl",
    description:
      "total_profit_loss is realized_profit_loss + floating_profit_loss (each printed rounded to 8 decimal places)",
    method: GP,
    specReferences: [field("total_profit_loss")],
  }),
  positionsList: defineCheck({
    id: "positions-list",
    description:
      "get_positions lists one position per instrument get_instruments lists, flat ones included as zero positions, without filters and with a currency",
    method: "private/get_positions",
    specReferences: [
      specRef("private/get_positions", "/description"),
      specRef(undefined, "/components/schemas/PositionList"),
    ],
  }),
  unknownInstrument: defineCheck({
    id: "position-unknown-instrument",
    description: "get_position of an instrument the server does not list answers 10020",
    method: GP,
    specReferences: [
      specRef(GP, "/description"),
      specRef(undefined, "/components/errors/InvalidOrUnsupportedInstrument"),
    ],
  }),
};
