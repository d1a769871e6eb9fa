import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { JobQueue } from '@app/core';

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
      await Promise.race([
        this.jobs.ping(),
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error(`no answer within ${TIMEOUT_MS} ms`)), TIMEOUT_MS).unref(),
        ),
      ]);
      return check.up();
    } catch (error) {
      return check.down({ message: (error as Error).message });
    }
  }
}
