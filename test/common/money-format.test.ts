/**
 * formatMoney and formatWholePounds are made by hand for speed; they must give exactly Intl's en-GB
 * text, which they replaced.
 */
import { formatMoney, formatWholePounds, toPence } from "../../src/common/money";

const POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", minimumFractionDigits: 2, maximumFractionDigits: 2 });
const WHOLE_POUNDS = new Intl.NumberFormat("en-GB", { style: "currency", currency: "GBP", maximumFractionDigits: 0 });

const EDGES = [0, -0, 0.004, -0.004, 0.005, -0.005, 0.5, -0.5, 1.005, 2.675, 999.995, 999999.995, 16375.174999999999,
  1234, -1234.5, 12345.678, 123456789.125, 1e14, 999999999999999, 1e15, 1e20, 1e21, Number.MAX_VALUE, 5e-324,
  Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY];

describe("money formats", () => {
  it("match Intl on edge cases", () => {
    for (const x of EDGES) {
      expect(formatMoney(x)).toBe(POUNDS.format(toPence(x)));
      expect(formatWholePounds(x)).toBe(WHOLE_POUNDS.format(x));
    }
    expect(formatMoney(-0.001)).toBe("-£0.00");
    expect(formatWholePounds(66972)).toBe("£66,972");
  });

  it("match Intl on 200,000 amounts of every size", () => {
    let seed = 7;
    const random = () => { seed = (seed * 16807) % 2147483647; return seed / 2147483647; };
    for (let i = 0; i < 200_000; i++) {
      let x = (random() - 0.3) * 10 ** (Math.floor(random() * 13) - 3);
      if (i % 3 === 0) x = Math.round(x * 1000) / 1000;
      if (i % 5 === 0) x = Math.round(x * 200) / 200;
      const money = formatMoney(x);
      const whole = formatWholePounds(x);
      if (money !== POUNDS.format(toPence(x)) || whole !== WHOLE_POUNDS.format(x)) {
        expect([x, money, whole]).toEqual([x, POUNDS.format(toPence(x)), WHOLE_POUNDS.format(x)]);
      }
    }
  });
});
