// expect: syntax
// A static import (scripts are not modules).
import fs from 'fs';
function scrapeData(url) {
  return [];
}
