/**
 * What IE11 (the Excel 2016/2019 task-pane webview) lacks and this bundle uses, and no more: the
 * first load stays small. TypeScript's ES5 helpers need Promise (async/await) and, for
 * downlevelIteration over Map/Set, Symbol.iterator.
 */
import 'core-js/stable/promise';
import 'core-js/stable/symbol';
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
