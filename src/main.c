#include "kcorpus.h"
int main(void) { return 0; }
