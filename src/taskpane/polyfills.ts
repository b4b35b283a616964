/**
 * What IE11 (the Excel 2016/2019 task-pane webview) lacks and this bundle uses, and no more: the
 * first load stays small. TypeScript's ES5 helpers need Promise (async/await) and, for
 * downlevelIteration over Map/Set, Symbol.iterator. Only the modules themselves: core-js/stable/promise
 * and core-js/stable/symbol also bring Promise.any/allSettled/try, AggregateError, every well-known
 * symbol and the DOM-collection iterators, which nothing here uses (8 KB of the first load).
 */
import 'core-js/modules/es.promise';
import 'core-js/modules/es.symbol';
import 'core-js/modules/es.symbol.iterator';
import 'core-js/stable/array/iterator';
import 'core-js/stable/array/from';
import 'core-js/stable/array/find';
import 'core-js/stable/array/find-index';
import 'core-js/stable/array/includes';
import 'core-js/stable/object/assign';
import 'core-js/stable/string/starts-with';
import 'core-js/stable/string/ends-with';
import 'core-js/stable/string/includes';
import 'core-js/stable/string/repeat';
import 'core-js/stable/string/pad-start';
import 'core-js/stable/number/is-finite';
import 'core-js/stable/number/is-nan';
