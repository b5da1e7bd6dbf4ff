/**
 * An exact integer: a JS number while it is safe, a bigint beyond. The hot path stays on numbers;
 * products that could leave the safe range (price x volume sums) fall back to bigint instead of
 * losing precision.
 */
export type Int = number | bigint;

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const MIN = -MAX;

/** Returns a number when the bigint is in the safe range, so equal values compare equal. */
export function norm(v: bigint): Int {
  return v <= MAX && v >= MIN ? Number(v) : v;
}

/** a + b, exactly. */
export function addInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(BigInt(a) + BigInt(b));
}

/** a - b, exactly. */
export function subInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(BigInt(a) - BigInt(b));
}

/** a * b, exactly. */
export function mulInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return r;
  }
  return norm(BigInt(a) * BigInt(b));
}

function roundBig(n: bigint, d: bigint): bigint {
  if (d < 0n) {
    n = -n;
    d = -d;
  }
  const neg = n < 0n;
  const a = neg ? -n : n;
  let q = a / d;
  if ((a % d) * 2n >= d) q += 1n;
  return neg ? -q : q;
}

/**
 * round(x * m / d), half away from zero, exactly (d > 0). Splits x = q*d + r first, so typical
 * PnL figures stay on numbers: q*m + round(r*m / d).
 */
export function mulDivRound(x: Int, m: Int, d: Int): Int {
  if (typeof x === "number" && typeof m === "number" && typeof d === "number") {
    let q = Math.trunc(x / d);
    let r = x - q * d;
    if (x >= 0 ? r < 0 : r > 0) {
      q += x >= 0 ? -1 : 1;
      r = x - q * d;
    } else if (r >= d || r <= -d) {
      q += x >= 0 ? 1 : -1;
      r = x - q * d;
    }
    const hi = q * m;
    const rm = r * m;
    if (Number.isSafeInteger(hi) && Number.isSafeInteger(rm)) {
      const a = rm < 0 ? -rm : rm;
      let lo = Math.trunc(a / d);
      let rest = a - lo * d;
      if (rest < 0) {
        lo--;
        rest += d;
      } else if (rest >= d) {
        lo++;
        rest -= d;
      }
      if (rest >= d - rest) lo++;
      const total = hi + (rm < 0 ? -lo : lo) + 0;
      if (Number.isSafeInteger(total)) return total;
    }
  }
  return norm(roundBig(BigInt(x) * BigInt(m), BigInt(d)));
}

const INT32 = 0x7fffffff;

/**
 * gcd of two safe integers. The larger one is first reduced modulo the smaller without `%` on
 * doubles (a C call), then a binary gcd runs on int32 (shifts and subtractions, no division).
 */
function gcdNumber(a: number, b: number): number {
  let x = a < 0 ? -a : a;
  let y = b < 0 ? -b : b;
  if (x < y) {
    const t = x;
    x = y;
    y = t;
  }
  while (y > INT32) {
    const t = x % y;
    x = y;
    y = t;
  }
  if (y === 0) return x;
  if (x > INT32) {
    // x mod y, exactly: the quotient from a rounded division is off by at most one.
    let r = x - Math.floor(x / y) * y;
    if (r < 0) r += y;
    else if (r >= y) r -= y;
    x = y;
    y = r;
    if (y === 0) return x;
  }
  return binaryGcd(x | 0, y | 0);
}

/** gcd of two positive int32 (Stein's algorithm). */
function binaryGcd(x: number, y: number): number {
  const tx = 31 - Math.clz32(x & -x);
  const ty = 31 - Math.clz32(y & -y);
  const shift = Math.min(tx, ty);
  x >>>= tx;
  y >>>= ty;
  while (x !== y) {
    if (x > y) {
      x -= y;
      x >>>= 31 - Math.clz32(x & -x);
    } else {
      y -= x;
      y >>>= 31 - Math.clz32(y & -y);
    }
  }
  return x << shift;
}

/** Greatest common divisor of |a| and |b|. */
export function gcdInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") return gcdNumber(a, b);
  let x = BigInt(a);
  let y = BigInt(b);
  if (x < 0n) x = -x;
  if (y < 0n) y = -y;
  while (y !== 0n) {
    const t = x % y;
    x = y;
    y = t;
  }
  return norm(x);
}

/** a / b when b divides a exactly. */
export function divExactInt(a: Int, b: Int): Int {
  if (typeof a === "number" && typeof b === "number") return a / b;
  return norm(BigInt(a) / BigInt(b));
}
