/**
 * Apex Decimal: an exact decimal number (unscaled BigInt + scale), with Java BigDecimal-like scale rules:
 * + and - take the larger scale, * adds the scales, / is exact when the quotient terminates (preferred scale
 * dividend.scale - divisor.scale, never below what exactness needs) and otherwise rounds half-up to 33 significant digits
 * (1.0 / 3.0 = 0.333333333333333333333333333333333 in a published platform test).
 */
export type RoundingMode = 'UP' | 'DOWN' | 'CEILING' | 'FLOOR' | 'HALF_UP' | 'HALF_DOWN' | 'HALF_EVEN' | 'UNNECESSARY';

const TEN = 10n;
function pow10(n: number): bigint {
    return TEN ** BigInt(n);
}

export class DecimalArithmeticError extends Error {}

export class Decimal {
    constructor(
        readonly unscaled: bigint,
        readonly scale: number,
    ) {}

    static parse(text: string): Decimal | null {
        const m = /^\s*([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?\s*$/.exec(text);
        if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return null;
        const frac = m[3] ?? '';
        let unscaled = BigInt((m[2] || '0') + frac);
        if (m[1] === '-') unscaled = -unscaled;
        let scale = frac.length;
        if (m[4]) scale -= Number(m[4]);
        if (scale < 0) {
            unscaled *= pow10(-scale);
            scale = 0;
        }
        return new Decimal(unscaled, scale);
    }

    static fromInt(n: number | bigint): Decimal {
        return new Decimal(BigInt(n), 0);
    }

    /** Double -> Decimal as Decimal.valueOf(Double) does: through the double's shortest decimal representation. */
    static fromDouble(n: number): Decimal {
        const d = Decimal.parse(String(n));
        if (!d) throw new DecimalArithmeticError(`Invalid decimal: ${n}`);
        return d;
    }

    private align(o: Decimal): [bigint, bigint, number] {
        if (this.scale === o.scale) return [this.unscaled, o.unscaled, this.scale];
        if (this.scale > o.scale) return [this.unscaled, o.unscaled * pow10(this.scale - o.scale), this.scale];
        return [this.unscaled * pow10(o.scale - this.scale), o.unscaled, o.scale];
    }

    add(o: Decimal): Decimal {
        const [a, b, s] = this.align(o);
        return new Decimal(a + b, s);
    }

    sub(o: Decimal): Decimal {
        const [a, b, s] = this.align(o);
        return new Decimal(a - b, s);
    }

    mul(o: Decimal): Decimal {
        return new Decimal(this.unscaled * o.unscaled, this.scale + o.scale);
    }

    div(o: Decimal): Decimal {
        if (o.unscaled === 0n) throw new DecimalArithmeticError('Divide by 0');
        const preferred = this.scale - o.scale;
        // Exact when the quotient terminates: the smallest scale >= max(preferred, 0) that represents it.
        const base = Math.max(preferred, 0);
        for (let scale = base; scale <= base + 32; scale++) {
            const shift = scale - preferred;
            const num = this.unscaled * pow10(shift);
            if (num % o.unscaled === 0n) return new Decimal(num / o.unscaled, scale);
        }
        // Otherwise 33 significant digits: scale = 32 - (decimal exponent of the quotient).
        const digits = 33;
        const a = this.abs();
        const b = o.abs();
        const integral = a.divToIntegral(b).unscaled;
        let exponent = integral.toString().length - 1;
        if (integral === 0n) {
            let x = a;
            exponent = 0;
            while (x.divToIntegral(b).unscaled === 0n) {
                x = x.mul(TEN_DECIMAL);
                exponent--;
            }
        }
        return this.divide(o, Math.max(digits - 1 - exponent, 0), 'HALF_UP');
    }

    divToIntegral(o: Decimal): Decimal {
        const [a, b] = this.align(o);
        return new Decimal(a / b, 0);
    }

    divide(o: Decimal, scale: number, mode: RoundingMode = 'HALF_UP'): Decimal {
        if (o.unscaled === 0n) throw new DecimalArithmeticError('Divide by 0');
        // value = a/10^sa / (b/10^sb); want q = value * 10^scale = a * 10^(scale - sa + sb) / b
        let num = this.unscaled;
        let den = o.unscaled;
        const shift = scale - this.scale + o.scale;
        if (shift >= 0) num *= pow10(shift);
        else den *= pow10(-shift);
        return new Decimal(roundQuotient(num, den, mode), scale);
    }

    setScale(scale: number, mode: RoundingMode = 'HALF_EVEN'): Decimal {
        if (scale >= this.scale) return new Decimal(this.unscaled * pow10(scale - this.scale), scale);
        return new Decimal(roundQuotient(this.unscaled, pow10(this.scale - scale), mode), scale);
    }

    negate(): Decimal {
        return new Decimal(-this.unscaled, this.scale);
    }

    abs(): Decimal {
        return this.unscaled < 0n ? this.negate() : this;
    }

    signum(): number {
        return this.unscaled === 0n ? 0 : this.unscaled < 0n ? -1 : 1;
    }

    compare(o: Decimal): number {
        const [a, b] = this.align(o);
        return a === b ? 0 : a < b ? -1 : 1;
    }

    /** Number of significant digits (Decimal.precision()). */
    precision(): number {
        const s = (this.unscaled < 0n ? -this.unscaled : this.unscaled).toString();
        return s === '0' ? 1 : s.length;
    }

    stripTrailingZeros(): Decimal {
        if (this.unscaled === 0n) return new Decimal(0n, 0);
        let u = this.unscaled;
        let s = this.scale;
        while (u % TEN === 0n) {
            u /= TEN;
            s--;
        }
        return new Decimal(u, s);
    }

    toNumber(): number {
        return Number(this.toPlainString());
    }

    toPlainString(): string {
        const neg = this.unscaled < 0n;
        let digits = (neg ? -this.unscaled : this.unscaled).toString();
        if (this.scale <= 0) return (neg ? '-' : '') + digits + '0'.repeat(-this.scale);
        if (digits.length <= this.scale) digits = '0'.repeat(this.scale - digits.length + 1) + digits;
        const cut = digits.length - this.scale;
        return (neg ? '-' : '') + digits.slice(0, cut) + '.' + digits.slice(cut);
    }

    /** Decimal.toString(): like toPlainString except for negative scales, which Java prints in E notation. */
    toString(): string {
        if (this.scale >= 0) return this.toPlainString();
        const neg = this.unscaled < 0n;
        const digits = (neg ? -this.unscaled : this.unscaled).toString();
        const exp = digits.length - 1 - this.scale;
        const mant = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
        return (neg ? '-' : '') + mant + 'E+' + exp;
    }
}

function roundQuotient(num: bigint, den: bigint, mode: RoundingMode): bigint {
    if (den < 0n) {
        num = -num;
        den = -den;
    }
    const q = num / den;
    const r = num % den;
    if (r === 0n) return q;
    const sign = num < 0n ? -1n : 1n;
    const twice = (r < 0n ? -r : r) * 2n;
    const cmpHalf = twice === den ? 0 : twice < den ? -1 : 1;
    const away = q + sign;
    switch (mode) {
        case 'UP':
            return away;
        case 'DOWN':
            return q;
        case 'CEILING':
            return sign > 0n ? away : q;
        case 'FLOOR':
            return sign < 0n ? away : q;
        case 'HALF_UP':
            return cmpHalf >= 0 ? away : q;
        case 'HALF_DOWN':
            return cmpHalf > 0 ? away : q;
        case 'HALF_EVEN':
            if (cmpHalf !== 0) return cmpHalf > 0 ? away : q;
            return q % 2n === 0n ? q : away;
        case 'UNNECESSARY':
            throw new DecimalArithmeticError('Rounding necessary');
    }
}

/** Used by Decimal.div (defined after the class; read only when dividing). */
const TEN_DECIMAL = new Decimal(10n, 0);
