import { ApexParserFactory, ApexErrorListener } from '@apexdevtools/apex-parser';
const q = process.argv[2];
const p = ApexParserFactory.createParser(q, true);
try {
const t = p.query();
console.log(t.constructor.name, t.getText(), t.start.start, t.stop.stop, p.getCurrentToken().type, p.getCurrentToken().text);
const w = t.whereClause();
if (w) { const le = w.whereLogicalExpression(); console.log('where', le.constructor.name, le.getText(), le.children.map(c=>c.constructor.name + ':' + c.getText())); 
 const c0 = le.whereConditionalExpression(0); console.log(c0.children.map(c=>c.constructor.name)); const fe = c0.whereFieldExpression?.(); if (fe) console.log('fe', fe.children.map(c=>c.constructor.name+':'+c.getText())); const v = fe?.value?.(); if (v) console.log('val', v.children.map(c=>c.constructor.name+':'+c.getText()));}
} catch (e) { console.log("ERR", JSON.stringify(e), Object.keys(e)); }
