#!/usr/bin/env node
console.log('deltanet');
