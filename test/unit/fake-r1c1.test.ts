// R1C1 formulas in the fake: the text conversion relative to the formula's cell, and the Range methods that
// use it the way real Sheets does (getFormulasR1C1 answers '' without a formula; '' written clears the cell).
import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { createEnv } from '../../local/env';
import { FakeSpreadsheet } from '../../local/spreadsheet/index';
import { columnLetters } from '../../local/spreadsheet/a1';
import { formulaA1ToR1C1, formulaR1C1ToA1 } from '../../local/spreadsheet/r1c1';

// Row 7, column 3 is C7.
const toR1C1 = (f: string) => formulaA1ToR1C1(f, 7, 3);
const toA1 = (f: string) => formulaR1C1ToA1(f, 7, 3);

describe('A1 ↔ R1C1 text, relative to the formula cell', () => {
  it.each([
    ['=B5', '=R[-2]C[-1]'],
    ['=$B$5', '=R5C2'],
    ['=$B5', '=R[-2]C2'],
    ['=B$5', '=R5C[-1]'],
    ['=C7*2', '=R[0]C[0]*2'],
    ['=SUM(A1:B3)', '=SUM(R[-6]C[-2]:R[-4]C[-1])'],
    ['=SUM($A$1:B3)', '=SUM(R1C1:R[-4]C[-1])'],
    ['=SUM(A:B)', '=SUM(C[-2]:C[-1])'],
    ['=SUM($A:$A)', '=SUM(C1:C1)'],
    ['=SUM(2:4)', '=SUM(R[-5]:R[-3])'],
    ['=SUM($2:$4)', '=SUM(R2:R4)'],
    ["='Лист 1'!A1", "='Лист 1'!R[-6]C[-2]"],
    ["='It''s'!$A$1+Data!B7", "='It''s'!R1C1+Data!R[0]C[-1]"],
    ['=Лист2!D8', '=Лист2!R[1]C[1]'],
    ['=H7-TODAY()', '=R[0]C[5]-TODAY()'],
    ['=ЕСЛИ(H7>G7;"да";"нет")', '=ЕСЛИ(R[0]C[5]>R[0]C[4];"да";"нет")'],
    ['=LOG10(A1)', '=LOG10(R[-6]C[-2])'],
    ['=LOG10', '=R[3]C[8506]'], // column LOG, row 10: without a bracket it is a cell
    ['=ZZ1', '=R[-6]C[699]'],
    ['=$ZZ$1', '=R1C702'],
    ['=DEC2BIN(A1)+ATAN2(1;2)', '=DEC2BIN(R[-6]C[-2])+ATAN2(1;2)'],
    ['="A1 и B2"&A1', '="A1 и B2"&R[-6]C[-2]'],
    ['="кавычки ""A1"" внутри"&B2', '="кавычки ""A1"" внутри"&R[-5]C[-1]'],
    ['=ROUND(A1*1.5E3;2)', '=ROUND(R[-6]C[-2]*1.5E3;2)'],
    ['=TRUE', '=TRUE'],
    ['=мой_диапазон+1', '=мой_диапазон+1'],
    ['=SUM(A2:C)', '=SUM(R[-5]C[-2]:C[0])'],
  ])('%s ↔ %s', (a1, r1c1) => {
    expect(toR1C1(a1)).toBe(r1c1);
    expect(toA1(r1c1)).toBe(a1);
  });

  it('reads RC, R and C without brackets as the cell\'s own row and column', () => {
    expect(toA1('=RC[-1]+R[1]C')).toBe('=B7+C8');
    expect(toA1('=rc[1]')).toBe('=D7');
  });

  it('leaves names that only start like a reference alone', () => {
    expect(toA1('=ROUND(R[0]C[-1];0)+COUNT(C[1]:C[1])')).toBe('=ROUND(B7;0)+COUNT(D:D)');
    expect(toR1C1('=ABCD1+A1B')).toBe('=ABCD1+A1B');
  });

  it('answers #REF! for a reference that would leave the grid', () => {
    expect(formulaR1C1ToA1('=R[-1]C[0]+1', 1, 1)).toBe('=#REF!+1');
    expect(formulaR1C1ToA1("='Лист 1'!R[0]C[-2]", 5, 1)).toBe('=#REF!');
    expect(formulaR1C1ToA1('=R[-1]C[0]', 2, 1)).toBe('=A1');
  });

  it('references to row 1 and column A round-trip from any cell', () => {
    fc.assert(fc.property(
      fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 800 }),
      fc.integer({ min: 1, max: 3000 }), fc.integer({ min: 1, max: 800 }),
      fc.boolean(), fc.boolean(),
      (row, col, refRow, refCol, absRow, absCol) => {
        const ref = `${absCol ? '$' : ''}${columnLetters(refCol)}${absRow ? '$' : ''}${refRow}`;
        const f = `=IF(${ref}="";A$1;SUM($A1:${ref}))`;
        const x = `${absRow ? `R${refRow}` : `R[${refRow - row}]`}${absCol ? `C${refCol}` : `C[${refCol - col}]`}`;
        const r1c1 = formulaA1ToR1C1(f, row, col);
        expect(r1c1).toBe(`=IF(${x}="";R1C[${1 - col}];SUM(R[${1 - row}]C1:${x}))`);
        expect(formulaR1C1ToA1(r1c1, row, col)).toBe(f);
      },
    ));
  });

  it('the same R1C1 text means the same relative formula on every row', () => {
    const r1c1 = '=R[0]C[-2]-R[0]C[-3]';
    expect([2, 3, 10].map((row) => formulaR1C1ToA1(r1c1, row, 9))).toEqual(['=G2-F2', '=G3-F3', '=G10-F10']);
  });
});

describe('Range R1C1 methods', () => {
  function sheet() {
    const ss = new FakeSpreadsheet(createEnv({}), 'Формулы');
    return ss.getActiveSheet();
  }

  it('getFormulasR1C1 gives each cell its formula relative to itself, "" without one', () => {
    const sh = sheet();
    sh.getRange('A1:B2').setValues([[1, 2], [3, 4]]);
    sh.getRange('C1:C2').setFormulas([['=A1+B1'], ['=$A$1*B2']]);
    expect(sh.getRange('B1:C2').getFormulasR1C1()).toEqual([['', '=R[0]C[-2]+R[0]C[-1]'], ['', '=R1C1*R[0]C[-1]']]);
    expect(sh.getRange('C2').getFormulaR1C1()).toBe('=R1C1*R[0]C[-1]');
    expect(sh.getRange('A1').getFormulaR1C1()).toBe('');
  });

  it('setFormulaR1C1 fills one relative formula down a column', () => {
    const sh = sheet();
    sh.getRange('D2:D4').setFormulaR1C1('=R[0]C[-1]-R[0]C[-2]');
    expect(sh.getRange('D2:D4').getFormulas()).toEqual([['=C2-B2'], ['=C3-B3'], ['=C4-B4']]);
    expect(sh.getRange('D2:D4').getFormulasR1C1()).toEqual([['=R[0]C[-1]-R[0]C[-2]'], ['=R[0]C[-1]-R[0]C[-2]'], ['=R[0]C[-1]-R[0]C[-2]']]);
  });

  it('setFormulasR1C1 with "" clears the cell, value included, like setFormulas', () => {
    const sh = sheet();
    sh.getRange('A1:A3').setValues([['оставить'], ['стереть'], [5]]);
    sh.getRange('A2:A3').setFormulasR1C1([[''], ['=R[-2]C[0]']]);
    expect(sh.getRange('A1:A3').getValues().map((r) => r[0])).toEqual(['оставить', '', '']);
    expect(sh.getRange('A1:A3').getFormulas().map((r) => r[0])).toEqual(['', '', '=A1']);
    expect(() => sh.getRange('A1:A2').setFormulasR1C1([['=R1C1']])).toThrow(/number of rows/);
  });
});
