import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueue, withTimeout } from '@app/core';

const TIMEOUT_MS = 1500;

@Injectable()
export class RedisHealthIndicator {
  constructor(
    private readonly indicator: HealthIndicatorService,
    private readonly jobs: JobQueue,
  ) {}

  async isHealthy(key: string) {
    const check = this.indicator.check(key);
    try {
      await withTimeout(this.jobs.ping(), TIMEOUT_MS, 'Redis');
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
