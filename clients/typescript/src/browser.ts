// The bundle behind a plain <script> tag: everything under the global `Parley`.
export * from './index.js';
